import { makeFlag, quoted, type Finding } from './text';

/**
 * Quotation marks carried over from a source language that puts them around terms, slogans and emphasis
 * (Chinese, Japanese and Korean: “芯片战”, 「改革開放」) into a target language that keeps them for quotations
 * and titles: the US escalates "chip war". A short quoted phrase that is not speech — no verb of saying or a
 * colon before it, no question or exclamation inside — is flagged as a whole, both marks included. When the
 * sentence's source is known it must quote too (else the MT added the marks for a reason of its own).
 */

/** Source languages whose quotation marks also mark terms and emphasis. */
const EMPHASIS_QUOTING = new Set(['zh', 'ja', 'ko']);
/** Quotation marks in the source: “ ” ‘ ’ 「 」 『 』 《 》 and straight ones. */
const SOURCE_QUOTES = /[“”‘’「」『』《》"]/u;
/** The most words a term or slogan in quotes has; longer quoted stretches are more likely speech. */
const MAX_WORDS = 10;

/** Opening → closing marks of the pairs looked for in the target. */
const PAIRS: Array<[string, string]> = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
  ['‘', '’'],
];

/** A verb of saying (or a colon) right before the quotation, in the target languages the checks know. */
const SPEECH_BEFORE = new RegExp(
  [
    ':\\s*$',
    // English
    '\\b(?:say|says|said|saying|ask|asks|asked|asking|tell|tells|told|reply|replies|replied|add|adds|added|shout|shouts|shouted|shouting|cry|cries|cried|yell|yelled|write|writes|wrote|state|states|stated|declare|declared|exclaim|exclaimed|read|reads|reading|chant|chanted|chanting|answer|answered)\\b[\\s,]*$',
    // German
    '\\b(?:sagt|sagte|sagten|fragt|fragte|erklärt|erklärte|schreibt|schrieb|rief|ruft|antwortete|betonte|meinte)\\b[\\s,]*$',
    // French
    '\\b(?:dit|dire|déclare|déclaré|écrit|demande|demandé|répond|répondu|ajoute|ajouté|crie|crié|affirme|affirmé)\\b[\\s,]*$',
    // Russian
    '(?:^|[^\\p{L}])(?:сказал|сказала|сказали|заявил|заявила|заявили|спросил|спросила|написал|написала|ответил|ответила|добавил|добавила|крикнул|кричали)[\\s,]*$',
  ].join('|'),
  'iu',
);

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;

/** An apostrophe, not a quotation mark: a letter on both sides (don’t, l’État) or after a plural s (the states’). */
const isApostrophe = (text: string, at: number) => /\p{L}/u.test(text[at - 1] ?? '') && (/\p{L}/u.test(text[at + 1] ?? '') || text[at - 1] === 's');

/** The quoted phrases of `text` that are terms or emphasis rather than speech, as [open, close] offsets. */
export function emphasisQuotes(text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (const [open, close] of PAIRS) {
    let from = 0;
    for (;;) {
      const start = text.indexOf(open, from);
      if (start === -1) break;
      if (open === '‘' || open === '"') {
        // A straight or single mark opens only after a space, a bracket, a dash or the start.
        if (start > 0 && !/[\s([{–—-]/u.test(text[start - 1]!)) {
          from = start + 1;
          continue;
        }
      }
      let end = text.indexOf(close, start + 1);
      while (end !== -1 && close === '’' && isApostrophe(text, end)) end = text.indexOf(close, end + 1);
      if (end === -1) break;
      from = end + 1;
      const inside = text.slice(start + 1, end);
      const words = wordCount(inside);
      if (words === 0 || words > MAX_WORDS) continue;
      if (/[?!]|[.…]\s+\S/u.test(inside) || /[\n]/u.test(inside)) continue; // a question, an exclamation, sentences
      if (SPEECH_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
      // A quotation opening the sentence and closed by a comma is speech put first: "We will win," he said.
      if (text.slice(0, start).trim() === '' && (/,$/u.test(inside) || /^,/u.test(text.slice(end + 1).trim()))) continue;
      found.push([start, end + 1]);
    }
  }
  return found.sort((a, b) => a[0] - b[0]);
}

/** Flags the emphasis quotes of a target whose source language quotes for emphasis (see above). */
export function emphasisQuoteFlags(text: string, source: string | null, sourceLanguage: string | null): Finding[] {
  if (!sourceLanguage || !EMPHASIS_QUOTING.has(sourceLanguage)) return [];
  if (source !== null && !SOURCE_QUOTES.test(source)) return [];
  return emphasisQuotes(text).map(([start, end]) =>
    makeFlag(
      'conventions',
      'minor',
      `Quotation marks around ${quoted(text.slice(start + 1, end - 1))}: the source marks a term or emphasis so, this language keeps them for quotations and titles`,
      start,
      end,
      text,
    ),
  );
}

import type { SentenceInput } from './context';
import { makeFlag, quoted, replacing, SPEECH_VERBS, words, type Finding } from './text';

/**
 * Two traces MT leaves when it puts back English quotation marks and apostrophes around its own tokens: the
 * possessive apostrophe turned into a quotation mark (`the voters "dissatisfaction` for `the voters'
 * dissatisfaction`), and the closing quotation mark put after the space that follows the quotation instead
 * of before it (`a fight against evil, "explained the author.` for `evil," explained`). Both leave a lone
 * straight quote in the sentence, which is what tells them from real quotations; the second is sure only
 * when a speech verb follows within four words. Only English writes the possessive `s'` after plurals; the
 * misplaced closing quote is looked for in English, German, French and Russian (whose MT writes straight
 * quotes too, which the conventions check flags besides).
 */

const LONE_STRAIGHT_QUOTE = (text: string) => (text.match(/"/gu)?.length ?? 0) % 2 === 1;

/** `voters "dissatisfaction`: a plural in -s, a space, a quote, and a lower-case word. */
const POSSESSIVE = /(\p{L}+s) "(\p{Ll}[\p{L}-]*)/gu;
/** `evil, "explained`: a clause mark, a space, a quote, a lower-case word and up to three more (`, "a dit le`). */
const CLOSING_AFTER_SPACE = /([,.!?]) "(\p{Ll}+)((?:[ -]\p{L}+){0,3})/gu;

/** Attribution verbs of the other languages whose MT writes straight quotes (English's are SPEECH_VERBS). */
const ATTRIBUTION_VERBS: Record<string, ReadonlySet<string>> = {
  en: SPEECH_VERBS,
  de: new Set('sagte sagt erklärte erklärt schrieb schreibt fügte betonte betont meinte meint antwortete fragte'.split(' ')),
  fr: new Set('dit déclaré déclare expliqué explique ajouté ajoute écrit affirmé affirme souligné souligne répondu'.split(' ')),
  ru: new Set('сказал сказала сказали заявил заявила заявили добавил добавила отметил отметила пояснил пояснила объяснил объяснила написал написала ответил ответила'.split(' ')),
};

export function checkMisplacedQuotes({ text, languages }: SentenceInput): Finding[] {
  const verbs = languages.target ? ATTRIBUTION_VERBS[languages.target] : undefined;
  if (!verbs || !LONE_STRAIGHT_QUOTE(text)) return [];
  const flags: Finding[] = [];
  for (const match of languages.target === 'en' ? text.matchAll(POSSESSIVE) : []) {
    const at = (match.index ?? 0) + match[1]!.length;
    // `the word "freedom` opens a quotation: a lone quote before a word is a possessive only after a plural.
    if (text.slice(at + 2).includes('"')) continue;
    const fix = replacing(at, at + 2, "' ");
    flags.push(makeFlag('quotes-brackets', 'minor', `${quoted(match[0])}: the possessive apostrophe is written as a quotation mark (${quoted(`${match[1]}' ${match[2]}`)})`, at + 1, at + 2, text, fix));
  }
  for (const match of text.matchAll(CLOSING_AFTER_SPACE)) {
    const said = words(match[2]! + match[3]!).some((w) => verbs.has(w.text.toLowerCase()));
    if (!said) continue;
    const mark = match.index ?? 0;
    // The quotation it closes opened nowhere in this sentence: there is no other straight quote before it.
    if (text.slice(0, mark).includes('"')) continue;
    const fix = replacing(mark + 1, mark + 3, '" ');
    flags.push(makeFlag('quotes-brackets', 'minor', `${quoted(`${match[1]} "${match[2]}`)}: the closing quotation mark belongs before the space (${quoted(`${match[1]}" ${match[2]}`)})`, mark + 2, mark + 3, text, fix));
  }
  return flags;
}

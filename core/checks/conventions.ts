import { othersHoldMark, type SentenceCheck } from './context';
import { emphasisQuoteFlags } from './emphasisQuotes';
import { conventionsOf } from './languages';
import { straightQuotes } from './pairs';
import { insideAny, makeFlag, quoted, replacing, technicalSpans, type Finding } from './text';
import type { Confidence } from './types';

/**
 * How the target language writes what every language has: quotation marks (“ ” / „ “ / « »), the space French
 * puts before `; : ! ?`, the decimal mark, and the dash between clauses. Straight quotes are wrong in German,
 * French and Russian; in English they are a plainer style, so only possible. A decimal point in a language
 * that writes a comma is sure when the source has the same number written so (the MT copied it), else possible
 * (a version, a time, a code). Each flag fixes what it names.
 */

/** A straight quote opens when nothing but a space, a bracket or a dash stands before it. */
const opensAt = (text: string, at: number) => at === 0 || /[\s([{–—-]/u.test(text[at - 1]!);

function quoteFlags(text: string, language: string, othersUse: (marks: ReadonlySet<string>) => boolean): Finding[] {
  const conventions = conventionsOf(language)!;
  const [open, close] = conventions.quotes[0]!;
  const flags: Finding[] = [];
  const confidence: Confidence = conventions.straightQuotesWrong ? 'sure' : 'possible';
  const name = language === 'de' ? 'German' : language === 'fr' ? 'French' : language === 'ru' ? 'Russian' : 'English';
  for (const at of straightQuotes(text)) {
    const opening = opensAt(text, at);
    const mark = opening ? open : close;
    flags.push(
      makeFlag('conventions', 'minor', `A straight quote ${quoted('"')}: ${name} writes ${open}…${close}`, at, at + 1, text, replacing(at, at + 1, mark), confidence),
    );
  }
  // Marks no pair of the language uses: ” in German, „ in English.
  const allowed = new Set(conventions.quotes.flatMap(([o, c]) => [o, c]));
  const foreign = language === 'en' ? /[„«»]/gu : /[“”„«»]/gu;
  // A paragraph that quotes with « » throughout in an English text is a choice, not a slip; in others, ” never belongs.
  let usesOwn: boolean | undefined;
  for (const match of text.matchAll(foreign)) {
    const char = match[0];
    const at = match.index ?? 0;
    // German closes with “, so “ is allowed there, but an English-style “ opening a quotation is not.
    if (allowed.has(char) && !(language === 'de' && char === '“' && opensAt(text, at) && /\S/u.test(text[at + 1] ?? ''))) continue;
    const opening = char === '„' || char === '«' || (char === '“' && opensAt(text, at)) || (char === '»' && language === 'de');
    flags.push(
      makeFlag('conventions', 'minor', `${quoted(char)} is not a quotation mark ${name} uses: it writes ${open}…${close}`, at, at + 1, text, replacing(at, at + 1, opening ? open : close), language !== 'en' || (usesOwn ??= othersUse(allowed)) ? 'sure' : 'possible'),
    );
  }
  return flags;
}

/** French: a no-break space before `; : ! ?` and inside « ». */
function frenchSpacing(text: string, technical: ReadonlyArray<[number, number]>): Finding[] {
  const flags: Finding[] = [];
  for (const match of text.matchAll(/(?<=[\p{L}\p{N}»)])([;:!?])/gu)) {
    const at = match.index ?? 0;
    if (insideAny(technical, at)) continue;
    if (match[1] === ':' && /\d:\d/u.test(text.slice(at - 1, at + 2))) continue; // 10:30
    if (/[!?]/u.test(text[at - 1] ?? '')) continue;
    flags.push(makeFlag('conventions', 'minor', `French puts a space before ${quoted(match[1]!)}`, at, at + 1, text, replacing(at, at, '\u202f')));
  }
  for (const match of text.matchAll(/«(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.!?])»/gu)) {
    const at = match.index ?? 0;
    const opening = match[0] === '«';
    flags.push(makeFlag('conventions', 'minor', `French puts a space ${opening ? 'after «' : 'before »'}`, at, at + 1, text, replacing(opening ? at + 1 : at, opening ? at + 1 : at, '\u00a0')));
  }
  return flags;
}

/** The numbers with a decimal point a source writes (`3.5`, as written: `03.5` is another), once per source. */
let sourceDecimals: { source: string; numbers: Set<string> } | undefined;
export function decimalsOf(source: string): Set<string> {
  if (sourceDecimals?.source !== source) {
    // Each starts a run of digits and points (`1.2.3` holds only `1.2`) and takes every digit after its point.
    const numbers = new Set([...source.matchAll(/(?<![\d.,])\d+\.\d+/gu)].map((match) => match[0]));
    sourceDecimals = { source, numbers };
  }
  return sourceDecimals.numbers;
}

/**
 * `3.5`, with no digit following in the same run of digits, points and commas: `(?![.,]*\d)` rather than
 * `(?![\d.,]*\d)`, which read the rest of a long run of digits again from each digit the match gave back.
 */
export const DECIMAL_POINT = /(?<![\d.,])(\d+)\.(\d{1,2}|\d{4,})(?![.,]*\d)/gu;

/** `3.5` in a language that writes `3,5`. */
function decimalFlags(text: string, source: string | null, technical: ReadonlyArray<[number, number]>): Finding[] {
  const flags: Finding[] = [];
  for (const match of text.matchAll(DECIMAL_POINT)) {
    const at = match.index ?? 0;
    if (insideAny(technical, at)) continue;
    // A date or a time (6.1., 10.30 Uhr) is written with points.
    if (/^\s*(?:Uhr|h\b|heures?|ч\b|час)/u.test(text.slice(at + match[0].length)) || /^\.\d/u.test(text.slice(at + match[0].length))) continue;
    const copied = source !== null && decimalsOf(source).has(match[0]);
    flags.push(
      makeFlag('conventions', 'minor', `The decimal point in ${quoted(match[0])}: this language writes ${quoted(`${match[1]},${match[2]}`)}`, at, at + match[0].length, text,
        replacing(at, at + match[0].length, `${match[1]},${match[2]}`), copied ? 'sure' : 'possible'),
    );
  }
  return flags;
}

/** A hyphen with a space each side used as a dash: `1989 - wenige Tage`. */
function dashFlags(text: string, dash: string, sure: boolean): Finding[] {
  const flags: Finding[] = [];
  for (const match of text.matchAll(/(?<=[\p{L}\p{N},.)”“"»«])[ \u00a0]-[ \u00a0](?=[\p{L}\p{N}(„“"«])/gu)) {
    const at = (match.index ?? 0) + 1;
    flags.push(makeFlag('conventions', 'minor', `A hyphen stands for a dash: write ${quoted(dash)}`, at, at + 1, text, replacing(at, at + 1, dash), sure ? 'sure' : 'possible'));
  }
  return flags;
}

export const checkConventions: SentenceCheck = ({ ctx, index, text, source, languages }) => {
  const language = languages.target;
  const conventions = conventionsOf(language);
  if (!language || !conventions) return [];
  const technical = technicalSpans(text);
  const flags = quoteFlags(text, language, (marks) => othersHoldMark(ctx, index, marks));
  // Appended one by one: spread into push, the flags of a line of 130,000 marks overflowed the call stack.
  const add = (more: readonly Finding[]) => {
    for (const flag of more) flags.push(flag);
  };
  if (conventions.spaceBeforeHighMarks) add(frenchSpacing(text, technical));
  if (conventions.decimal === ',') add(decimalFlags(text, source, technical));
  // Sure only when the MT wrote a hyphen where the source has none spaced (it lost a dash); a source with the
  // same ` - ` leaves it a matter of house style.
  const copiedHyphen = source === null || / - /u.test(source);
  add(emphasisQuoteFlags(text, source, languages.source));
  add(dashFlags(text, language === 'en' ? '–' : conventions.dash === '—' ? '—' : '–', language !== 'en' && !copiedHyphen));
  return flags.sort((a, b) => a.start - b.start);
};

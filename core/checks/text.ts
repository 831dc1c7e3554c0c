import type { CheckId, Confidence, Flag, Severity } from './types';

/** Shows text to the editor the way the messages quote it: “text”. */
export const quoted = (text: string): string => `“${text}”`;

export const replaceRange = (text: string, start: number, end: number, replacement: string): string =>
  text.slice(0, start) + replacement + text.slice(end);

/** What a fix does to the sentence: [start, end) replaced by `insert`. */
export interface Edit {
  start: number;
  end: number;
  insert: string;
}

export const replacing = (start: number, end: number, insert: string): Edit => ({ start, end, insert });

/**
 * A flag as a check finds it, its fix an edit. The whole fixed sentence (Flag.fix) is written out only for
 * the flags a sentence keeps (index.ts): a sentence may hold thousands of problems, and a whole sentence for
 * each made a check quadratic in the sentence's length.
 */
export type Finding = Omit<Flag, 'fix'> & { edit?: Edit };

/** A flag; its edit is left out when it would not change the text, so every offered fix does something. */
export function makeFlag(
  check: CheckId,
  severity: Severity,
  message: string,
  start: number,
  end: number,
  text: string,
  edit?: Edit,
  confidence: Confidence = 'sure',
): Finding {
  const flag: Finding = { check, severity, confidence, message, start, end };
  if (edit !== undefined && text.slice(edit.start, edit.end) !== edit.insert) flag.edit = edit;
  return flag;
}

/** The flag as the editor gets it: the fix is the whole sentence after the edit. */
export function flagOf(finding: Finding, text: string): Flag {
  const { edit, ...flag } = finding;
  return edit === undefined ? flag : { ...flag, fix: replaceRange(text, edit.start, edit.end, edit.insert) };
}

/** A word of running text with its span: letters and digits, joined by inner apostrophes and hyphens. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*/gu;

export function words(text: string): Word[] {
  const found: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    found.push({ text: match[0], start, end: start + match[0].length });
  }
  return found;
}

export const wordCount = (text: string): number => text.match(WORD)?.length ?? 0;

// A letter has case when upper- and lower-casing tell it apart; cheaper than a Unicode property test per character.
export const isUpperLetter = (ch: string | undefined): boolean => ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
export const isLowerLetter = (ch: string | undefined): boolean => ch !== undefined && ch !== ch.toUpperCase();
const LETTER_OR_DIGIT = /^[\p{L}\p{M}\p{N}]$/u;
export const isLetterOrDigit = (ch: string | undefined): boolean => ch !== undefined && LETTER_OR_DIGIT.test(ch);
const SPACE = /^\s$/u;
/** Whitespace (sentences hold no line breaks, but the editor may type any). */
export const isSpace = (ch: string | undefined): boolean => ch !== undefined && SPACE.test(ch);

/** Sentence-ending and clause punctuation. */
export const STOPS = '.!?';
export const CLAUSE_MARKS = ',;:';

/** Opening and closing double quotation marks; „ opens German-style quotes, which “ then closes. */
export const OPENING_QUOTES = '“«„';
export const CLOSING_QUOTES = '”»';

/** Dashes that open dialogue or set off an attribution: `– said Tokayev`. */
export const DASHES = '–—';

/** Verbs that attribute speech or writing: `said Tokayev`, `the expert says`. */
export const SPEECH_VERBS = new Set(
  (
    'said says say told tells added adds noted notes stated states wrote writes explained explains stressed ' +
    'stresses emphasized emphasizes emphasised believes believed thinks thought asked asks answered answers ' +
    'replied replies continued continues concluded concludes reported reports declared declares announced ' +
    'announces commented comments clarified clarifies specified specifies recalled recalls admitted admits ' +
    'insisted insists warned warns argued argues claimed claims suggested suggests remarked remarks assured ' +
    'assures urged urges confirmed confirms acknowledged acknowledges observed observes exclaimed shouted ' +
    'whispered explained quoted cites cited according'
  ).split(' '),
);

export { technicalSpans } from './technicalSpans';

export const insideAny = (spans: ReadonlyArray<[number, number]>, at: number): boolean =>
  spans.some(([start, end]) => at >= start && at < end);

/** A short stretch of the text around [start, end), for messages: whole words, at most a few of them. */
export function around(text: string, start: number, end: number, wordsEachSide = 1): string {
  let from = start;
  for (let k = 0; k < wordsEachSide; k++) {
    while (from > 0 && isSpace(text[from - 1])) from--;
    while (from > 0 && !isSpace(text[from - 1])) from--;
  }
  let to = end;
  for (let k = 0; k < wordsEachSide; k++) {
    while (to < text.length && isSpace(text[to])) to++;
    while (to < text.length && !isSpace(text[to])) to++;
  }
  return text.slice(from, to).trim();
}

/** The run of non-space characters around position `at`: `end.Next`, `Kazakhstan`. */
export function tokenAt(text: string, at: number): string {
  let from = at;
  let to = at;
  while (from > 0 && !isSpace(text[from - 1])) from--;
  while (to < text.length && !isSpace(text[to])) to++;
  return text.slice(from, to);
}

/** Upper-cases the first letter of `text` when `model` starts with a capital (keeps the rest as is). */
export function matchCapitalization(model: string, text: string): string {
  const letters = model.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return text.toUpperCase();
  }
  if (isUpperLetter(letters[0]) && text.length > 0) return text[0]!.toUpperCase() + text.slice(1);
  return text;
}

/** Abbreviations that may take a comma or colon right after their full stop: `etc.,`, `Inc.:`. */
const ABBREVIATIONS = new Set(
  ('etc approx incl esp viz cf vs al inc ltd co corp jr sr st no nos vol vols pp ed eds dept govt est fig figs misc mr mrs ms dr prof gen col lt sgt capt rev hon jan feb mar apr jun jul aug sep sept oct nov dec ' +
    // Units and measures: `12 ft.,`, `5 lbs.,`
    'ft in yd yds mi lb lbs oz pt qt gal hr hrs min mins sec secs sq cu mph kph bzw usw ca evtl ggf inkl'
  ).split(' '),
);

/** A full stop that belongs to an abbreviation, an initial or `U.S.`, so a mark may follow it. */
export function abbreviationStop(text: string, at: number): boolean {
  const word = /([\p{L}.]+)$/u.exec(text.slice(0, at))?.[1] ?? '';
  if (word.length === 0) return false;
  if (word.includes('.') || word.length === 1 || word === word.toUpperCase()) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}


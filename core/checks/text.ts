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

/**
 * A word of running text with its span: letters and digits, joined by inner apostrophes and hyphens (the
 * non-breaking U+2011 and the soft U+00AD of Word files included: `Кто‑то`, `Doku­ment` are one word).
 */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-‐‑\u00ad][\p{L}\p{M}\p{N}]+)*/gu;

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

/**
 * The index of the last of `spans` (in order and not overlapping, as a global pattern's matches are) to start
 * at or before `at`, -1 when none does: a binary search, as a line of thousands of links asks of each word.
 */
export function spanBefore(spans: ReadonlyArray<[number, number]>, at: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]![0] <= at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Whether `at` falls inside one of `spans`, which are in order and do not overlap (as technicalSpans gives them). */
export function insideAny(spans: ReadonlyArray<[number, number]>, at: number): boolean {
  const k = spanBefore(spans, at);
  return k >= 0 && at < spans[k]![1];
}

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

/** Where the run of non-space characters around position `at` starts and ends: `end.Next`, `Kazakhstan`. */
export const tokenSpanAt = (text: string, at: number): [number, number] => [runStart(text, at), runEnd(text, at)];

/** `text` without the characters `keep` rejects at either end: `(Rino.Ink),` → `Rino.Ink`. */
export function trimExcept(text: string, keep: RegExp): string {
  // Not a regular expression anchored at the end: that tries it from every character of a long run of marks.
  let from = 0;
  while (from < text.length) {
    const char = String.fromCodePoint(text.codePointAt(from)!);
    if (keep.test(char)) break;
    from += char.length;
  }
  let to = text.length;
  while (to > from) {
    const char = charBefore(text, to)!;
    if (keep.test(char)) break;
    to -= char.length;
  }
  return text.slice(from, to);
}

/**
 * The characters a message quotes at most of the run of non-space characters beside a problem, on each side:
 * a run of thousands is cut, not copied into each of its flags (which made a check quadratic in its length).
 */
export const SHOWN_MAX = 40;

/** Where the run of non-space characters that ends at `at` starts, looking back at most `max` characters. */
function runStart(text: string, at: number, max = Infinity): number {
  let from = at;
  while (from > 0 && at - from < max && !isSpace(text[from - 1])) from--;
  return from;
}

/** Where the run of non-space characters from `at` ends, looking on at most `max` characters. */
function runEnd(text: string, at: number, max = Infinity): number {
  let to = at;
  while (to < text.length && to - at < max && !isSpace(text[to])) to++;
  return to;
}

/** A cut at `at` moved past the second half of a surrogate pair, so that no character is split. */
const whole = (text: string, at: number): number => {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
};

/**
 * [from, to) of the text as a message quotes it around [start, end) inside it: at most SHOWN_MAX characters
 * each side of that, a cut marked `…`.
 */
export function shownAround(text: string, from: number, to: number, start: number, end: number): string {
  const head = start - from > SHOWN_MAX ? `…${text.slice(whole(text, start - SHOWN_MAX), start)}` : text.slice(from, start);
  const tail = to - end > SHOWN_MAX ? `${text.slice(end, whole(text, end + SHOWN_MAX))}…` : text.slice(end, to);
  return head + text.slice(start, end) + tail;
}

/** The run of non-space characters around `at` as a message shows it: SHOWN_MAX characters each side at most. */
export const tokenShownAt = (text: string, at: number): string =>
  shownAround(text, runStart(text, at, SHOWN_MAX + 1), runEnd(text, at, SHOWN_MAX + 1), at, at);

/** The run of non-space characters that ends at `at`, as a message shows it: SHOWN_MAX characters at most. */
export const shownBefore = (text: string, at: number): string => shownAround(text, runStart(text, at, SHOWN_MAX + 1), at, at, at);

/** Where the spaces that end at `at` start (`at` when there are none). */
export function spacesStart(text: string, at: number): number {
  let from = at;
  while (from > 0 && isSpace(text[from - 1])) from--;
  return from;
}

/** The last run of non-space characters before `at`, past the spaces just before it; '' when there is none. */
export function wordBefore(text: string, at: number): string {
  const end = spacesStart(text, at);
  return text.slice(runStart(text, end), end);
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
export const ABBREVIATIONS = new Set(
  ('etc approx incl esp viz cf vs al inc ltd co corp jr sr st no nos vol vols pp ed eds dept govt est fig figs misc mr mrs ms dr prof gen col lt sgt capt rev hon jan feb mar apr jun jul aug sep sept oct nov dec ' +
    // Units and measures: `12 ft.,`, `5 lbs.,`
    'ft in yd yds mi lb lbs oz pt qt gal hr hrs min mins sec secs sq cu mph kph bzw usw ca evtl ggf inkl'
  ).split(' '),
);

/** A full stop that belongs to an abbreviation, an initial or `U.S.`, so a mark may follow it. */
export function abbreviationStop(text: string, at: number): boolean {
  // The letters and full stops just before `at`, read backwards: a stop among them ends the search (`U.S.`),
  // so that no stretch of text is read twice by the stops of one sentence.
  let from = at;
  for (;;) {
    const char = charBefore(text, from);
    if (char === '.') return true;
    if (char === undefined || !LETTER.test(char)) break;
    from -= char.length;
  }
  const word = text.slice(from, at);
  if (word.length === 0) return false;
  if (word.length === 1 || word === word.toUpperCase()) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

const LETTER = /^\p{L}$/u;

/** The character (a whole surrogate pair) that ends at `at`. */
function charBefore(text: string, at: number): string | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  const high = at > 1 ? text.charCodeAt(at - 2) : 0;
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(at - 2, at) : text[at - 1];
}

/**
 * Abbreviations that almost never end a sentence, so a full stop after them is not a boundary.
 * Deliberately short: ambiguous ones such as "etc." or "U.S." often do end sentences.
 */
const TITLES = [
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'st', 'mt', 'ft', 'gen', 'col', 'lt', 'maj', 'sgt', 'capt',
  'cmdr', 'adm', 'sen', 'rep', 'gov', 'pres', 'rev', 'hon', 'fr', 'sr', 'jr', 'vs', 'cf', 'e.g', 'i.e',
  'approx', 'dept', 'fig', 'no', 'nos', 'vol', 'pp', 'p', 'art', 'para', 'sec', 'ch',
];

const ABBREVIATIONS = new Set(TITLES);

const isAsciiLetter = (ch: string): boolean => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
const isWordChar = (ch: string): boolean => ch === '.' || isAsciiLetter(ch) || (ch > '\x7f' && /^\p{L}$/u.test(ch));
const isDelimiter = (ch: string): boolean => /^[\s(“"‘'«–—-]$/u.test(ch);

/** The code point that ends at `end` (exclusive) in `text`: one or two UTF-16 units. */
function codePointBefore(text: string, end: number): string {
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(end - 2, end);
  }
  return text.slice(end - 1, end);
}

/**
 * The word (with inner dots) that ends `text` right before its final full stop, lower-cased: the run of
 * letters and dots before the stop, when it starts the text or follows a space, bracket, quote or dash.
 * Walks back from the end over that run only, so it costs the length of the last word, not of the text
 * (a regular expression anchored at the end tried every start and was quadratic on long runs of letters).
 */
function wordBeforeFinalStop(text: string): string | null {
  if (!text.endsWith('.')) return null;
  const end = text.length - 1;
  let start = end;
  while (start > 0) {
    const ch = codePointBefore(text, start);
    if (!isWordChar(ch)) break;
    start -= ch.length;
  }
  if (start === end) return null;
  if (start > 0 && !isDelimiter(codePointBefore(text, start))) return null;
  return text.slice(start, end);
}

/** True when `sentence` ends in a full stop that belongs to an abbreviation or an initial ("J."). */
export function endsWithAbbreviation(sentence: string): boolean {
  const word = wordBeforeFinalStop(sentence.trimEnd());
  if (word === null) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. K. Rowling"
  return ABBREVIATIONS.has(word.toLowerCase());
}

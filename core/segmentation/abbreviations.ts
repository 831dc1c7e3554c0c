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

/** The word (with inner dots) that ends `text` right before its final full stop, lower-cased. */
function wordBeforeFinalStop(text: string): string | null {
  const match = /(?:^|[\s(“"‘'«–—-])([\p{L}.]+)\.$/u.exec(text);
  return match?.[1] ? match[1] : null;
}

/** True when `sentence` ends in a full stop that belongs to an abbreviation or an initial ("J."). */
export function endsWithAbbreviation(sentence: string): boolean {
  const word = wordBeforeFinalStop(sentence.trimEnd());
  if (word === null) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. K. Rowling"
  return ABBREVIATIONS.has(word.toLowerCase());
}

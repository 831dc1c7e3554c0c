/**
 * Whether bytes decoded under a guessed encoding (UTF-16 without a byte-order mark) read as text. Any two
 * bytes are some UTF-16 code unit, so decoding always succeeds; what tells text from other bytes is what it
 * decodes to. Real text has no lone surrogates, controls, private-use or unassigned code points, and its
 * letters come from one script (besides Latin). ASCII read as UTF-16 looks like CJK at first sight — two
 * letters make one ideograph — but mixes in rare ideographs (Extension A, from capitals and digits) and
 * letters of unrelated scripts (Gurmukhi from a letter before a line feed, Glagolitic …).
 */

export interface TextJudgement {
  /** 'plausible' reads as text; 'wellFormed' holds nothing impossible but reads like no script; 'malformed' is not text. */
  verdict: 'plausible' | 'wellFormed' | 'malformed';
  /** 0–1: the share of letters and digits in the main script, ASCII or no script; non-ASCII Latin counts against. */
  fit: number;
  /** Letters and digits: how much the verdict rests on. */
  letters: number;
}

const BAD = /\p{Cs}|\p{Co}|\p{Cn}|(?![\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff])\p{Cf}/u;
const CONTROL = /\p{Cc}/gu;
/** The controls text has (tab, line breaks, form feed, escape), as services/encoding counts them. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);
const isMalformed = (text: string): boolean =>
  BAD.test(text) || [...text.matchAll(CONTROL)].some((m) => !TEXT_CONTROLS.has(m[0].charCodeAt(0)));
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/gu;
const ASCII_LETTER = /[A-Za-z]/g;
const LATIN = /(?=\p{L})\p{Script=Latin}/gu;
const NEUTRAL = /(?=[\p{L}\p{Nd}])[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/gu;
const NON_SPACE = /\S/gu;
/** CJK Extension A, compatibility ideographs, radicals and hexagrams: seldom in real text, common in ASCII read as UTF-16. */
const RARE = /[\u2e80-\u2fdf\u3400-\u4dff\uf900-\ufaff]/gu;

/** Scripts text is written in; Han, kana, Bopomofo and Hangul are one group, as Chinese, Japanese and Korean mix them. */
const SCRIPTS: readonly RegExp[] = [
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\p{Script=Hangul}]/gu,
  ...['Cyrillic', 'Greek', 'Armenian', 'Georgian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Khmer', 'Ethiopic', 'Mongolian'].map(
    (script) => new RegExp(`\\p{Script=${script}}`, 'gu'),
  ),
];

/** A share of letters outside Latin and the text's main script above this is not one language's text. */
const MAX_ODD_SHARE = 0.05;
/** Letters and digits at least this share of the characters that are not spaces. */
const MIN_LETTER_SHARE = 0.5;

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

export function judgeDecodedText(text: string): TextJudgement {
  if (isMalformed(text)) return { verdict: 'malformed', fit: 0, letters: 0 };
  const letters = count(text, LETTER_OR_DIGIT);
  if (letters === 0) return { verdict: 'wellFormed', fit: 0, letters };
  const main = Math.max(0, ...SCRIPTS.map((script) => count(text, script)));
  const odd = letters - count(text, NEUTRAL) - main + count(text, RARE);
  // Latin beyond ASCII is fine in a Latin text (where NULs settle UTF-16), a stray in a decoding of other bytes.
  const fit = Math.max(0, letters - odd - (count(text, LATIN) - count(text, ASCII_LETTER))) / letters;
  const plausible = letters >= MIN_LETTER_SHARE * count(text, NON_SPACE) && odd <= MAX_ODD_SHARE * letters;
  return { verdict: plausible ? 'plausible' : 'wellFormed', fit, letters };
}

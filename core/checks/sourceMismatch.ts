import type { SentenceCheck } from './context';
import { scriptOf } from './scripts';
import { makeFlag, quoted } from './text';
import type { Flag } from './types';

/**
 * Only when the sentence has a source: numbers (`1,000`, `1 000`, `1.5` and `1,5` read alike; a date is its
 * numbers), and links that differ between source and translation, and a translation much shorter or longer
 * than its source — a sentence may be missing, or one added.
 */

/**
 * Translation length against source length, in letters (a Chinese or Japanese character counts as three): out
 * of [half, twice] the source's, with some slack for short sentences, whose lengths vary more.
 */
export const MIN_LENGTH_RATIO = 0.5;
export const MAX_LENGTH_RATIO = 2;
const SLACK_SHORTER = 15;
const SLACK_LONGER = 30;

const NUMBER = /\d+(?:(?:[.,'’\u00a0\u202f]|[ ](?=\d{3}(?!\d)))\d+)*/gu;

const WORD_NUMBERS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16',
  seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50',
  sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100', thousand: '1000', million: '1000000',
  first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', seventh: '7', eighth: '8', ninth: '9', tenth: '10',
};

interface NumberItem {
  text: string;
  start: number;
  end: number;
  /** The values it may stand for: `1,500` is 1500, or 1.5 where a comma marks decimals. */
  values: string[];
}

const canonical = (digits: string): string => digits.replace(/^0+(?=\d)/u, '');
const decimal = (whole: string, fraction: string): string => {
  const f = fraction.replace(/0+$/u, '');
  return f ? `${canonical(whole)}.${f}` : canonical(whole);
};

/** One numeric token as the numbers it holds: a grouped or decimal number is one, a date several. */
function itemsOf(token: string, start: number): NumberItem[] {
  const item = (text: string, at: number, values: string[]): NumberItem => ({ text, start: at, end: at + text.length, values });
  const grouped = /^\d{1,3}(?:([,.'’\u00a0\u202f ])\d{3})(?:\1\d{3})*$/u.exec(token);
  if (grouped) {
    const values = [canonical(token.replace(/\D/gu, ''))];
    const parts = token.split(grouped[1]!);
    if (parts.length === 2 && (grouped[1] === ',' || grouped[1] === '.')) values.push(decimal(parts[0]!, parts[1]!));
    return [item(token, start, values)];
  }
  const fraction = /^(\d+)[.,](\d+)$/u.exec(token);
  if (fraction) return [item(token, start, [decimal(fraction[1]!, fraction[2]!)])];
  // A date or a list: 06.01.2022, 1.2.3.
  const items: NumberItem[] = [];
  for (const part of token.matchAll(/\d+/gu)) items.push(item(part[0], start + (part.index ?? 0), [canonical(part[0])]));
  return items;
}

function numbersOf(text: string): NumberItem[] {
  const items: NumberItem[] = [];
  for (const match of text.matchAll(NUMBER)) items.push(...itemsOf(match[0], match.index ?? 0));
  return items;
}

function wordNumbersOf(text: string): NumberItem[] {
  const items: NumberItem[] = [];
  for (const match of text.matchAll(/\p{L}+/gu)) {
    const value = WORD_NUMBERS[match[0].toLowerCase()];
    if (value) items.push({ text: match[0], start: match.index ?? 0, end: (match.index ?? 0) + match[0].length, values: [value] });
  }
  return items;
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"“”«»]+/giu;
function urlsOf(text: string): Array<{ url: string; start: number; end: number }> {
  return [...text.matchAll(URL)].map((m) => {
    const url = m[0].replace(/[.,;:!?)\]’'»”]+$/u, '');
    return { url, start: m.index ?? 0, end: (m.index ?? 0) + url.length };
  });
}
const sameUrl = (a: string, b: string) => a.replace(/^https?:\/\//iu, '').replace(/\/$/u, '').toLowerCase() === b.replace(/^https?:\/\//iu, '').replace(/\/$/u, '').toLowerCase();

/** Letters and digits, a CJK character counting as three (it carries about a word). */
function measure(text: string): number {
  let size = 0;
  for (const char of text) {
    const script = scriptOf(char);
    if (script === 'CJK') size += 3;
    else if (script || /\p{N}/u.test(char)) size += 1;
  }
  return size;
}

export const checkSourceMismatch: SentenceCheck = ({ text, source }) => {
  if (!source || source.trim().length === 0 || text.trim().length === 0) return [];
  const flags: Flag[] = [];
  const whole = (message: string, severity: 'minor' | 'major') => flags.push(makeFlag('source-mismatch', severity, message, 0, text.length, text));

  const target = numbersOf(text);
  const wanted = numbersOf(source);
  const unmatched = (items: NumberItem[], pool: NumberItem[]): NumberItem[] =>
    items.filter((item) => {
      const k = pool.findIndex((other) => other.values.some((v) => item.values.includes(v)));
      if (k === -1) return true;
      pool.splice(k, 1);
      return false;
    });
  const pool = [...wanted];
  const extra = unmatched(target, pool);
  // Source numbers the translation wrote out in words (`2` → `two`) are not missing.
  const missing = unmatched(pool, wordNumbersOf(text));
  for (const item of extra) {
    const hint = missing.length > 0 ? ` (the source has ${missing.map((m) => quoted(m.text)).join(', ')})` : '';
    flags.push(makeFlag('source-mismatch', 'major', `${quoted(item.text)} is not in the source${hint}`, item.start, item.end, text));
  }
  if (extra.length === 0) for (const item of missing) whole(`The source’s ${quoted(item.text)} is missing from the translation`, 'major');

  const targetUrls = urlsOf(text);
  const sourceUrls = urlsOf(source);
  for (const { url, start, end } of targetUrls) {
    if (!sourceUrls.some((s) => sameUrl(s.url, url))) flags.push(makeFlag('source-mismatch', 'major', `The link ${quoted(url)} is not in the source`, start, end, text));
  }
  for (const { url } of sourceUrls) {
    if (!targetUrls.some((t) => sameUrl(t.url, url))) whole(`The source’s link ${quoted(url)} is missing from the translation`, 'major');
  }

  const sourceSize = measure(source);
  const targetSize = measure(text);
  const percent = sourceSize > 0 ? Math.round((100 * targetSize) / sourceSize) : 0;
  if (targetSize < MIN_LENGTH_RATIO * sourceSize - SLACK_SHORTER) {
    whole(`The translation is much shorter than its source (${percent} % of its length): something may be missing`, 'major');
  } else if (sourceSize > 0 && targetSize > MAX_LENGTH_RATIO * sourceSize + SLACK_LONGER) {
    whole(`The translation is much longer than its source (${percent} % of its length): something may have been added`, 'minor');
  }
  return flags;
};

import type { SentenceCheck } from './context';
import { finalPunctuationFlags } from './finalPunctuation';
import { placeholderFlags, withoutPlaceholders } from './placeholders';
import { russianNumberWords } from './russianNumerals';
import { scriptOf } from './scripts';
import { substringsOf } from './suffixAutomaton';
import { makeFlag, quoted, type Finding } from './text';

/**
 * Only when the sentence has a source: numbers (`1,000`, `1 000`, `1.5` and `1,5` read alike; a date is its
 * numbers; `2 p.m.` is `14:00`; Russian numerals in words, russianNumerals.ts), and links that differ between source and translation, and a translation much shorter or longer
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
  once: '1', twice: '2', dozen: '12',
  first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', seventh: '7', eighth: '8', ninth: '9', tenth: '10',
};

export interface NumberItem {
  text: string;
  start: number;
  end: number;
  /** The values it may stand for: `1,500` is 1500, or 1.5 where a comma marks decimals. */
  values: string[];
  /**
   * Read from words (`February`, `seventy-five`, `一`, `января`): it may match a number of the other side, but
   * is never reported as missing or extra, since such words are often no number at all (`一个` is "a").
   */
  optional?: boolean;
}

const canonical = (digits: string): string => digits.replace(/^0+(?=\d)/u, '');
const decimal = (whole: string, fraction: string): string => {
  const f = fraction.replace(/0+$/u, '');
  return f ? `${canonical(whole)}.${f}` : canonical(whole);
};
/** A value as the matching compares it: no float noise, no trailing zeros. */
const valueText = (value: number): string => String(Number(value.toPrecision(12)));

/** Multipliers written after a number: `2万` is 20,000, `1.1 billion` 1,100,000,000, `24 тыс.` 24,000. */
const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^\s?(?:万亿|萬億|兆)/u, 1e12],
  [/^\s?(?:亿|億)/u, 1e8],
  [/^\s?(?:百万|百萬)/u, 1e6],
  [/^\s?(?:千万|千萬)/u, 1e7],
  [/^\s?(?:万|萬)/u, 1e4],
  [/^\s?千/u, 1e3],
  [/^\s?(?:trillions?|Billionen|трлн|триллион\p{L}*)/iu, 1e12],
  [/^\s?(?:billions?|bn\b|Milliarden?|Mrd\.?|milliards?|млрд|миллиард\p{L}*)/iu, 1e9],
  [/^\s?(?:millions?|mln\b|Millionen|Million|Mio\.?|млн|миллион\p{L}*)/iu, 1e6],
  [/^\s?(?:thousands?|Tausend|mille|тыс\.?|тысяч\p{L}*)/iu, 1e3],
];

function multiplied(text: string, end: number, values: readonly string[]): string[] {
  const rest = text.slice(end, end + 14);
  for (const [pattern, factor] of MULTIPLIERS) {
    if (pattern.test(rest)) return [...values, ...values.map((v) => valueText(Number(v) * factor))];
  }
  return [...values];
}

/** One numeric token as the numbers it holds: a grouped or decimal number is one, a date several. */
function itemsOf(token: string, start: number, text: string): NumberItem[] {
  const end = start + token.length;
  const item = (t: string, at: number, values: string[]): NumberItem => ({ text: t, start: at, end: at + t.length, values });
  const grouped = /^\d{1,3}(?:([,.'’\u00a0\u202f ])\d{3})(?:\1\d{3})*$/u.exec(token);
  if (grouped) {
    const values = [canonical(token.replace(/\D/gu, ''))];
    const parts = token.split(grouped[1]!);
    if (parts.length === 2 && (grouped[1] === ',' || grouped[1] === '.')) values.push(decimal(parts[0]!, parts[1]!));
    return [item(token, start, multiplied(text, end, values))];
  }
  const fraction = /^(\d+)[.,](\d+)$/u.exec(token);
  if (fraction) return [item(token, start, multiplied(text, end, [decimal(fraction[1]!, fraction[2]!)]))];
  // A date or a list: 06.01.2022, 1.2.3.
  const items: NumberItem[] = [];
  // A time on the hour (`14:00`) may be written `2 p.m.`: its `00` is not missing.
  const onTheHour = token === '00' && /\d:$/u.test(text.slice(Math.max(0, start - 3), start));
  for (const part of token.matchAll(/\d+/gu)) {
    const at = start + (part.index ?? 0);
    const values = [canonical(part[0])];
    // A year may be written short (`’92`, `九二共识`, `80年代` for the 1980s).
    if (/^(?:19|20)\d\d$/u.test(part[0])) values.push(canonical(part[0].slice(2)));
    // `2 p.m.` is 14 on a 24-hour clock.
    if (Number(part[0]) < 12 && /^\s?(?:p\.\s?m\.|pm\b|PM\b)/u.test(text.slice(at + part[0].length))) values.push(String(Number(part[0]) + 12));
    const one = item(part[0], at, multiplied(text, at + part[0].length, values));
    if (onTheHour) one.optional = true;
    items.push(one);
  }
  return items;
}

function numbersOf(text: string): NumberItem[] {
  const items: NumberItem[] = [];
  for (const match of text.matchAll(NUMBER)) items.push(...itemsOf(match[0], match.index ?? 0, text));
  return items;
}

const CJK_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CJK_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** `三十五` 35, `二〇二二` 2022 (digit by digit), `九二` 92. */
function cjkValue(run: string): number | null {
  if (![...run].some((c) => c in CJK_UNITS)) {
    const digits = [...run].map((c) => CJK_DIGITS[c]);
    return digits.every((d) => d !== undefined) ? Number(digits.join('')) : null;
  }
  let total = 0;
  let digit = 0;
  for (const char of run) {
    if (char in CJK_DIGITS) digit = CJK_DIGITS[char]!;
    else {
      total += (digit || 1) * CJK_UNITS[char]!;
      digit = 0;
    }
  }
  return total + digit;
}

const MONTHS: Record<string, number> = {};
for (const names of [
  'january february march april may june july august september october november december',
  'januar februar märz april mai juni juli august september oktober november dezember',
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
  'январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь',
]) {
  names.split(' ').forEach((name, k) => (MONTHS[name] = k + 1));
}
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** Numbers written in words or CJK numerals, and months by name: optional items (see NumberItem). */
function wordNumbersOf(text: string): NumberItem[] {
  const items: NumberItem[] = [];
  const add = (at: number, t: string, value: number) =>
    items.push({ text: t, start: at, end: at + t.length, values: multiplied(text, at + t.length, [valueText(value)]), optional: true });
  for (const match of text.matchAll(/\p{L}+(?:-\p{L}+)?/gu)) {
    const word = match[0].toLowerCase();
    const at = match.index ?? 0;
    const [tens, units] = word.split('-');
    if (units !== undefined && TENS[tens!] !== undefined && WORD_NUMBERS[units] !== undefined && Number(WORD_NUMBERS[units]) < 10) {
      add(at, match[0], TENS[tens!]! + Number(WORD_NUMBERS[units]));
    } else if (WORD_NUMBERS[word]) add(at, match[0], Number(WORD_NUMBERS[word]));
    else if (MONTHS[word]) add(at, match[0], MONTHS[word]!);
  }
  for (const number of russianNumberWords(text)) add(number.start, number.text, number.value);
  for (const match of text.matchAll(/[〇零一二两兩三四五六七八九十百千]+/gu)) {
    const value = cjkValue(match[0]);
    if (value !== null) add(match.index ?? 0, match[0], value);
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
/** A link as links are compared: two are the same when this is. */
const urlKey = (url: string) => url.replace(/^https?:\/\//iu, '').replace(/\/$/u, '').toLowerCase();

/** A text without its spaces, lower-cased: how a link spaced out by the MT is found again. */
const compact = (text: string) => text.replace(/\s+/gu, '').toLowerCase();

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

/**
 * Numbers to be matched, each taken at most once, the first left that shares a value with what is looked for:
 * a list searched from its start for each of thousands of numbers made a sentence of them quadratic.
 */
export class NumberPool {
  /** Value → the items holding it, in order; `used` counts those at the start of each list already taken. */
  private readonly byValue = new Map<string, number[]>();
  private readonly used = new Map<string, number>();
  private readonly taken: boolean[];

  constructor(private readonly items: readonly NumberItem[]) {
    this.taken = items.map(() => false);
    items.forEach((item, k) => {
      for (const value of new Set(item.values)) {
        const list = this.byValue.get(value);
        if (list) list.push(k);
        else this.byValue.set(value, [k]);
      }
    });
  }

  /** Takes the first item left that shares a value with `item`; false when there is none. */
  take(item: NumberItem): boolean {
    let first = -1;
    for (const value of item.values) {
      const list = this.byValue.get(value);
      if (!list) continue;
      let used = this.used.get(value) ?? 0;
      while (used < list.length && this.taken[list[used]!]) used++;
      this.used.set(value, used);
      if (used < list.length && (first === -1 || list[used]! < first)) first = list[used]!;
    }
    if (first === -1) return false;
    this.taken[first] = true;
    return true;
  }

  /** The items not taken, in order. */
  left(): NumberItem[] {
    return this.items.filter((_, k) => !this.taken[k]);
  }
}

/**
 * Numbers a message names. A table row or a list of figures can lose dozens: past this many, one message names
 * the first few and counts the rest, rather than a flag (or a hint) per number that no one reads.
 */
const MAX_LISTED = 5;
const listed = (items: readonly NumberItem[]): string =>
  items.slice(0, MAX_LISTED).map((m) => quoted(m.text)).join(', ') + (items.length > MAX_LISTED ? ` and ${items.length - MAX_LISTED} more` : '');

export const checkSourceMismatch: SentenceCheck = ({ text, source, languages }) => {
  if (!source || source.trim().length === 0 || text.trim().length === 0) return [];
  const flags: Finding[] = [];
  const whole = (message: string, severity: 'minor' | 'major') => flags.push(makeFlag('source-mismatch', severity, message, 0, text.length, text));

  // A placeholder's digits (`{1}`, `%1$s`) are the placeholder check's, below: not numbers to compare twice.
  const target = numbersOf(withoutPlaceholders(text));
  const wanted = numbersOf(withoutPlaceholders(source));
  const targetWords = wordNumbersOf(text);
  const sourceWords = wordNumbersOf(source);
  const pool = new NumberPool(wanted);
  const sourcePool = new NumberPool(sourceWords);
  // Digits match digits first, then the source's numbers in words (`2万`, `九二`, `января`).
  const extra = target.filter((item) => !pool.take(item) && !sourcePool.take(item) && !item.optional);
  // Source numbers the translation wrote out in words (`2` → `two`, `2月` → `February`) are not missing.
  const targetPool = new NumberPool(targetWords);
  const missing = pool.left().filter((item) => !targetPool.take(item) && !item.optional);
  // Written once for all the flags: each message joins it on, which V8 does without copying it.
  const hint = missing.length > 0 ? ` (the source has ${listed(missing)})` : '';
  for (const item of extra) {
    flags.push(makeFlag('source-mismatch', 'major', `${quoted(item.text)} is not in the source${hint}`, item.start, item.end, text));
  }
  if (extra.length === 0 && missing.length > MAX_LISTED) whole(`The source’s ${listed(missing)} are missing from the translation`, 'major');
  else if (extra.length === 0) for (const item of missing) whole(`The source’s ${quoted(item.text)} is missing from the translation`, 'major');

  const targetUrls = urlsOf(text);
  const sourceUrls = urlsOf(source);
  // MT often spaces a link out (`https: / / ru.sputnik.kg / society`): it is still the source's link.
  const inTarget = substringsOf(compact(text));
  const inSource = substringsOf(compact(source));
  const targetKeys = new Set(targetUrls.map(({ url }) => urlKey(url)));
  const sourceKeys = new Set(sourceUrls.map(({ url }) => urlKey(url)));
  for (const { url, start, end } of targetUrls) {
    if (!sourceKeys.has(urlKey(url)) && !inSource(compact(url))) flags.push(makeFlag('source-mismatch', 'major', `The link ${quoted(url)} is not in the source`, start, end, text));
  }
  for (const { url } of sourceUrls) {
    if (!targetKeys.has(urlKey(url)) && !inTarget(compact(url))) whole(`The source’s link ${quoted(url)} is missing from the translation`, 'major');
  }

  flags.push(...finalPunctuationFlags(text, source, languages.source));
  flags.push(...placeholderFlags(text, source));

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

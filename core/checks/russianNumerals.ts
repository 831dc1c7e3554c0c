/**
 * Numbers a Russian source writes in words, as English MT writes them in digits: `24 тысячи`'s `тысячи` is a
 * multiplier (sourceMismatch.ts), but `тысячелетняя история` is a 1,000-year history, `стопроцентная прибыль` a
 * 100% return, `тридцатистраничный доклад` a 30-page report, `за сутки` within 24 hours. The numeral is the
 * head of the word; small numbers are read only as whole words (`семь`, not `семья`).
 */

/** Stems that start a word: `тысяч` in тысяча, тысячелетний; longest first when they share a start. */
const STEMS: Array<[string, number]> = [
  ['тысяч', 1000],
  ['девятисот', 900], ['восьмисот', 800], ['семисот', 700], ['шестисот', 600], ['пятисот', 500],
  ['четырехсот', 400], ['трехсот', 300], ['двухсот', 200],
  ['девятьсот', 900], ['восемьсот', 800], ['семьсот', 700], ['шестьсот', 600], ['пятьсот', 500],
  ['четыреста', 400], ['триста', 300], ['двести', 200],
  ['стопроцент', 100], ['столет', 100],
  ['девяност', 90], ['восемьдесят', 80], ['восьмидесят', 80], ['семьдесят', 70], ['семидесят', 70],
  ['шестьдесят', 60], ['шестидесят', 60], ['пятьдесят', 50], ['пятидесят', 50], ['сорок', 40],
  ['тридцат', 30], ['двадцат', 20],
  ['девятнадцат', 19], ['восемнадцат', 18], ['семнадцат', 17], ['шестнадцат', 16], ['пятнадцат', 15],
  ['четырнадцат', 14], ['тринадцат', 13], ['двенадцат', 12], ['одиннадцат', 11],
  ['полтор', 1.5],
  // A day and night: `за сутки` is within 24 hours, `круглосуточно` around the clock.
  ['сутк', 24], ['суток', 24], ['суточн', 24], ['круглосуточн', 24],
];

/** Whole words only: as stems they would begin other words (`семья`, `пятница`, `однако`). */
const WORDS: Record<string, number> = {
  один: 1, одна: 1, одно: 1, одну: 1, одного: 1, одной: 1, одном: 1, однажды: 1,
  два: 2, две: 2, двух: 2, двум: 2, двое: 2, дважды: 2,
  три: 3, трех: 3, трем: 3, трое: 3, трижды: 3,
  четыре: 4, четырех: 4, пять: 5, пяти: 5, шесть: 6, шести: 6, семь: 7, семи: 7,
  восемь: 8, восьми: 8, девять: 9, девяти: 9, десять: 10, десяти: 10, сто: 100, ста: 100,
};

const ORDERED = [...STEMS].sort((a, b) => b[0].length - a[0].length);

export interface WordNumber {
  text: string;
  start: number;
  value: number;
}

/** The numbers written in words in a Russian text. */
export function russianNumberWords(text: string): WordNumber[] {
  const found: WordNumber[] = [];
  for (const match of text.matchAll(/[\p{Script=Cyrillic}]+/gu)) {
    const word = match[0].toLowerCase().replace(/ё/gu, 'е');
    const start = match.index ?? 0;
    const whole = WORDS[word];
    if (whole !== undefined) {
      found.push({ text: match[0], start, value: whole });
      continue;
    }
    const stem = ORDERED.find(([head]) => word.startsWith(head));
    if (stem) found.push({ text: match[0], start, value: stem[1] });
  }
  return found;
}

/**
 * One hostile sentence checked whole, at 16 KB and at 64 KB: checkSentence with every check, as a save or a
 * live check runs it on the request path. Each pattern repeated to the size is one a check was once quadratic
 * in (see tests/core/checks/flagBound.test.ts); linear checks take about 4× as long for 4× the text, quadratic
 * ones 16×. `npx tsx bench/longSentence.ts` runs this part alone.
 */
import { fileURLToPath } from 'node:url';
import { checkSentence, type CheckedSentence } from '../core/checks';
import { forgetContexts } from '../core/checks/context';
import { median, timeMs } from './stats';

export const SIZES = [16 * 1024, 64 * 1024] as const;

/** Patterns repeated to the sentence's size; the source is the same text with its letters and digits shifted. */
export const HOSTILE: Record<string, string> = {
  'straight quotes': 'He said "yes" and ',
  'ellipses and stray marks': 'Wait... then. , ',
  'dotted names (a.b.a.b)': 'a.b.',
  'opening brackets': '(',
  'closing quotes': '“',
  spaces: ' ',
  'glued commas, no spaces': 'ab,',
  'two alphabets in one word': 'aа',
  'stops glued to capitals': 'end.Next,a,b ',
  'tags and placeholders': '<b>x</b> {1} ',
  'numbers and decimals': '3.5 10.30 1,000.5 ',
  'links': 'see http://x.io/a ',
};

const shift = (text: string) =>
  text.replace(/\d/gu, (d) => String((Number(d) + 1) % 10)).replace(/[a-y]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 1));

const sentenceOf = (pattern: string, size: number) => pattern.repeat(Math.ceil(size / pattern.length)).slice(0, size);

export interface LongSentenceResult {
  pattern: string;
  /** checkSentence on a context already built (typing), median ms, per size. */
  ms: number[];
  /** The same with the document's context built first (a save of the sentence), ms, per size. */
  coldMs: number[];
  ratio: number;
}

export function benchLongSentence(runs = 5): LongSentenceResult[] {
  const options = { languages: { source: 'ru', target: 'en' } };
  return Object.entries(HOSTILE).map(([pattern, piece]) => {
    const ms: number[] = [];
    const coldMs: number[] = [];
    for (const size of SIZES) {
      const text = sentenceOf(piece, size);
      const sentences: CheckedSentence[] = [{ paragraph: 1, text, source: shift(text) }];
      forgetContexts();
      coldMs.push(timeMs(() => checkSentence(sentences, 0, text, options)));
      checkSentence(sentences, 0, text, options); // a warm-up: the context is built, the code compiled
      ms.push(median(Array.from({ length: runs }, () => timeMs(() => checkSentence(sentences, 0, text, options)))));
    }
    return { pattern, ms, coldMs, ratio: ms[1]! / ms[0]! };
  });
}

export function printLongSentence(print: (line?: string) => void, results = benchLongSentence()): void {
  const worst = results.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  print(`Longest sentence check, 16 KB vs 64 KB hostile sentence: checkSentence with every check (ru → en, with a source)`);
  print(`  worst ratio ${worst.ratio.toFixed(1)}× (${worst.pattern}); linear ≈ 4×, quadratic ≈ 16×`);
  for (const r of results) {
    print(`  ${r.pattern.padEnd(28)} ${r.ms.map((v) => `${v.toFixed(0).padStart(6)} ms`).join(' → ')}  ${r.ratio.toFixed(1).padStart(5)}×` +
      `   (with the context built: ${r.coldMs.map((v) => `${v.toFixed(0)} ms`).join(' → ')})`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printLongSentence((line = '') => process.stdout.write(`${line}\n`));

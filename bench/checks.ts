import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, checkSentence, type CheckedSentence } from '../core/checks';
import { forgetContexts } from '../core/checks/context';
import { segmentText } from '../core/segmentation';
import { FIXTURES_DIR, MissingFixtures } from './fixtures';
import { median, percentile, sortNumbers, timeMs } from './stats';

export const CHECKS_TARGET_MS = 50;

export interface ChecksBench {
  sentences: number;
  paragraphs: number;
  flags: number;
  runs: number;
  /** The first checkDocument in this process: regular expressions compiled, code not yet optimized. */
  firstMs: number;
  /** checkDocument with the document's context built afresh every run. */
  best: number;
  median: number;
  /** checkSentence of one sentence on a built context, as while the editor types: over every sentence. */
  sentence: { p50: number; p99: number };
}

/** The seed article as the checks see it, or MissingFixtures. */
export function seedSentences(): CheckedSentence[] {
  const path = join(FIXTURES_DIR, 'kazakhstan-mt.txt');
  if (!existsSync(path)) throw new MissingFixtures(`${path} is missing.`);
  return segmentText(readFileSync(path, 'utf8')).segments.map(({ paragraph, text }) => ({ paragraph, text }));
}

/** Times checkDocument on the seed article: once cold, then `runs` times after a warm-up, each from scratch. */
export function benchChecks(sentences: readonly CheckedSentence[] = seedSentences(), runs = 25, warmup = 10): ChecksBench {
  const fresh = () => {
    forgetContexts();
    return sentences.map((s) => ({ ...s }));
  };
  let flags = 0;
  const first = fresh();
  const firstMs = timeMs(() => (flags = checkDocument(first).flat().length));
  for (let k = 0; k < warmup; k++) checkDocument(fresh());
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const copy = fresh();
    times.push(timeMs(() => checkDocument(copy)));
  }

  const warm = fresh();
  checkDocument(warm);
  let sink = 0;
  const perSentence = warm.map((s, i) => timeMs(() => (sink += checkSentence(warm, i, `${s.text} `).length)));
  if (sink < 0) throw new Error('unreachable'); // keeps the results observable
  const sorted = sortNumbers(perSentence);
  return {
    sentences: sentences.length,
    paragraphs: new Set(sentences.map((s) => s.paragraph)).size,
    flags,
    runs,
    firstMs,
    best: Math.min(...times),
    median: median(times),
    sentence: { p50: percentile(sorted, 50), p99: percentile(sorted, 99) },
  };
}

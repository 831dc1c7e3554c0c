import { levenshtein } from '../core/metrics';
import { terOfIds } from '../core/metrics/ter';
import { encodePair } from '../core/metrics/wordIds';
import type { ApePair } from './fixtures';
import { median, timeMs } from './stats';

export interface CorpusRun {
  edits: number;
  refWords: number;
  /** Per pair: [edits, refWords]. */
  perLine: Array<[number, number]>;
}

/**
 * HTER of every pair, tokenizing as part of the work (sacrebleu's timing includes its tokenizer), the way
 * segmentMetrics and the CLI do: words as integers (wordIds), then TER over them.
 */
export function hterRun(pairs: readonly ApePair[]): CorpusRun {
  let edits = 0;
  let refWords = 0;
  const perLine: Array<[number, number]> = new Array(pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    const pair = pairs[k]!;
    const { hyp, n, ref, m } = encodePair(pair.mt, pair.pe);
    const result = terOfIds(hyp, n, ref, m);
    edits += result.edits;
    refWords += result.refWords;
    perLine[k] = [result.edits, result.refWords];
  }
  return { edits, refWords, perLine };
}

/** The baseline: the same tokens, a plain word-level edit distance (no shifts, no beam). */
function levenshteinRun(pairs: readonly ApePair[]): number {
  let total = 0;
  for (const pair of pairs) {
    const { hyp, n, ref, m } = encodePair(pair.mt, pair.pe);
    total += levenshtein(hyp.subarray(0, n), ref.subarray(0, m));
  }
  return total;
}

function tokenizeRun(pairs: readonly ApePair[]): number {
  let total = 0;
  for (const pair of pairs) {
    const { n, m } = encodePair(pair.mt, pair.pe);
    total += n + m;
  }
  return total;
}

export interface Timing {
  best: number;
  median: number;
}

export interface HterBench {
  runs: number;
  hter: Timing;
  levenshtein: Timing;
  tokenize: Timing;
  result: CorpusRun;
  /** Lines whose edits or reference words differ from ter.tsv. */
  mismatches: ApePair[];
}

const summary = (times: number[]): Timing => ({ best: Math.min(...times), median: median(times) });

/** Warms up, then times `runs` full passes of each kind, interleaved so they see the same machine state. */
export function benchHter(pairs: readonly ApePair[], runs = 15, warmup = 5): HterBench {
  let result = hterRun(pairs);
  let sink = 0;
  for (let k = 0; k < warmup; k++) {
    hterRun(pairs);
    sink += levenshteinRun(pairs) + tokenizeRun(pairs);
  }
  const hter: number[] = [];
  const lev: number[] = [];
  const tok: number[] = [];
  for (let k = 0; k < runs; k++) {
    hter.push(timeMs(() => (result = hterRun(pairs))));
    lev.push(timeMs(() => (sink += levenshteinRun(pairs))));
    tok.push(timeMs(() => (sink += tokenizeRun(pairs))));
  }
  if (sink < 0) throw new Error('unreachable'); // keeps the baseline's work observable
  const mismatches = pairs.filter((pair, k) => result.perLine[k]![0] !== pair.edits || result.perLine[k]![1] !== pair.refWords);
  return { runs, hter: summary(hter), levenshtein: summary(lev), tokenize: summary(tok), result, mismatches };
}

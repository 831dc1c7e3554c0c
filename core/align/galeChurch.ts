import { isTagChar } from '../formats/types';
import type { StepProgress, Steps } from '../model/steps';

/**
 * Gale & Church (1993), "A Program for Aligning Sentences in Bilingual Corpora": sentences of a source text
 * and its translation are aligned by length alone. A bead joins 0–2 source sentences to 0–2 target sentences;
 * its cost is −log of the prior of its kind times the probability that the lengths differ by as much as they
 * do, under a normal model of target characters per source character (mean c, variance s² per character).
 * Dynamic programming finds the cheapest sequence of beads.
 */

/** A half-open range [start, end) of sentence indices. */
export interface IndexRange {
  start: number;
  end: number;
}

/** One bead: source sentences [source.start, source.end) translate target sentences [target.start, target.end). */
export interface AlignedPair {
  source: IndexRange;
  target: IndexRange;
}

export type BeadKind = '1-1' | '1-0' | '0-1' | '2-1' | '1-2' | '2-2';

export interface GaleChurchOptions {
  /** c: target characters per source character (1 in the paper; the text pair's length ratio is often better). */
  meanRatio?: number;
  /** s²: variance of target characters per source character (6.8 in the paper). */
  variance?: number;
  /** Prior probability of each bead kind (the paper's: 0.89, 0.0099, 0.0099, 0.089, 0.089, 0.011). */
  priors?: Partial<Record<BeadKind, number>>;
  /**
   * Most DP cells ((n+1)·(m+1)) computed in full; a larger text is aligned within a band around the diagonal of
   * its character lengths, so memory stays near this many cells (9 bytes each). Default DEFAULT_MAX_CELLS.
   */
  maxCells?: number;
}

/** About 72 MB of DP tables: a few thousand sentences a side are aligned exactly. */
export const DEFAULT_MAX_CELLS = 8_000_000;

/** The paper's priors: 1-1 0.89, 1-0 and 0-1 0.0099 each, 2-1 and 1-2 0.089 each, 2-2 0.011. */
export const CLASSIC_PRIORS: Readonly<Record<BeadKind, number>> = {
  '1-1': 0.89,
  '1-0': 0.0099,
  '0-1': 0.0099,
  '2-1': 0.089,
  '1-2': 0.089,
  '2-2': 0.011,
};
export const CLASSIC_MEAN_RATIO = 1;
export const CLASSIC_VARIANCE = 6.8;

const BEADS: ReadonlyArray<{ kind: BeadKind; source: number; target: number }> = [
  { kind: '1-1', source: 1, target: 1 },
  { kind: '1-0', source: 1, target: 0 },
  { kind: '0-1', source: 0, target: 1 },
  { kind: '2-1', source: 2, target: 1 },
  { kind: '1-2', source: 1, target: 2 },
  { kind: '2-2', source: 2, target: 2 },
];

/**
 * log(2 · (1 − Φ(|δ|))) = log erfc(|δ|/√2), the log of the two-sided tail of the standard normal, computed
 * without underflow (Numerical Recipes' erfc approximation, fractional error below 1.2e-7, taken in logs).
 */
export function logTwoSidedTail(delta: number): number {
  const z = Math.abs(delta) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const polynomial =
    -z * z -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) + polynomial;
}

/** The length Gale–Church counts: characters (code points), inline tag characters left out. */
export function sentenceLength(sentence: string): number {
  let length = 0;
  for (const ch of sentence) if (!isTagChar(ch)) length++;
  return length;
}

/** Cost (−log probability) of a bead joining source length `ls` to target length `lt`. */
function beadCost(ls: number, lt: number, logPrior: number, c: number, s2: number): number {
  // As in Gale and Church's program (and NLTK's port): the variance grows with the mean of the two lengths.
  const mean = (ls + lt / c) / 2;
  const delta = mean === 0 ? 0 : (lt - ls * c) / Math.sqrt(mean * s2);
  return -(logPrior + logTwoSidedTail(delta));
}

/** The DP cells computed: row i holds columns [lo[i], hi[i]], stored from offset[i] on. */
interface Band {
  lo: Int32Array;
  hi: Int32Array;
  offset: Float64Array;
  cells: number;
}

function bandOf(lo: Int32Array, hi: Int32Array): Band {
  const offset = new Float64Array(lo.length);
  let cells = 0;
  for (let i = 0; i < lo.length; i++) {
    offset[i] = cells;
    cells += hi[i]! - lo[i]! + 1;
  }
  return { lo, hi, offset, cells };
}

function fullBand(n: number, m: number): Band {
  return bandOf(new Int32Array(n + 1), new Int32Array(n + 1).fill(m));
}

/**
 * For each source prefix, the target prefix of the closest proportional length: where the alignment path runs
 * if both texts keep the same length ratio throughout. Sentence counts would drift wherever one side splits
 * or merges sentences; characters do not.
 */
function lengthDiagonal(sourcePrefix: readonly number[], targetPrefix: readonly number[]): Int32Array {
  const n = sourcePrefix.length - 1;
  const m = targetPrefix.length - 1;
  const totalSource = sourcePrefix[n]!;
  const totalTarget = targetPrefix[m]!;
  const centre = new Int32Array(n + 1);
  let j = 0;
  for (let i = 0; i <= n; i++) {
    if (totalSource > 0 && totalTarget > 0) {
      const x = sourcePrefix[i]! * (totalTarget / totalSource);
      // `<=` walks through runs of empty sentences, whose equal prefixes would otherwise stop the pointer.
      while (j < m && Math.abs(targetPrefix[j + 1]! - x) <= Math.abs(targetPrefix[j]! - x)) j++;
      centre[i] = j;
    } else {
      centre[i] = Math.round((i * m) / n); // no lengths to follow: fall back to sentence counts
    }
  }
  centre[0] = 0;
  centre[n] = m;
  return centre;
}

/**
 * A band of about maxCells cells around the length diagonal. It is at least wide enough for a run of 1-2
 * beads, and consecutive rows overlap, so (n, m) stays reachable from (0, 0) through 1-0 and 0-1 beads.
 */
function narrowBand(sourcePrefix: readonly number[], targetPrefix: readonly number[], maxCells: number): Band {
  const n = sourcePrefix.length - 1;
  const m = targetPrefix.length - 1;
  const centre = lengthDiagonal(sourcePrefix, targetPrefix);
  const halfWidth = Math.max(Math.ceil((2 * m) / n) + 10, Math.floor(maxCells / (n + 1) / 2));
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const c = centre[i]!;
    lo[i] = Math.max(0, c - halfWidth);
    hi[i] = Math.min(m, c + halfWidth);
    // A long sentence can move the centre further than the band is wide: keep the rows touching.
    if (i > 0) lo[i] = Math.max(lo[i - 1]!, Math.min(lo[i]!, hi[i - 1]!));
  }
  return bandOf(lo, hi);
}

/** Table cells filled between two reports of progress: some 30 ms of work. */
const CELLS_PER_STEP = 250_000;

/**
 * Aligns sentence lengths; returns the beads in order, covering every sentence of both sides exactly once.
 * Yields the source sentences done so far every few hundred thousand cells, so a long text shows progress.
 */
export function* alignLengthsSteps(
  sourceLengths: readonly number[],
  targetLengths: readonly number[],
  options: GaleChurchOptions = {},
): Steps<StepProgress, AlignedPair[]> {
  const c = options.meanRatio ?? CLASSIC_MEAN_RATIO;
  const s2 = options.variance ?? CLASSIC_VARIANCE;
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  if (!(c > 0) || !(s2 > 0)) throw new RangeError('Gale–Church needs a positive mean ratio and variance.');
  if (!(maxCells >= 0)) throw new RangeError('Gale–Church needs a non-negative cell budget.');
  const priors = { ...CLASSIC_PRIORS, ...options.priors };
  const n = sourceLengths.length;
  const m = targetLengths.length;
  const sourcePrefix = [0];
  for (const l of sourceLengths) sourcePrefix.push(sourcePrefix[sourcePrefix.length - 1]! + l);
  const targetPrefix = [0];
  for (const l of targetLengths) targetPrefix.push(targetPrefix[targetPrefix.length - 1]! + l);

  // With one side empty there is a single row or column: the full table is already linear.
  const exact = (n + 1) * (m + 1) <= maxCells || n === 0 || m === 0;
  const { lo, hi, offset, cells } = exact ? fullBand(n, m) : narrowBand(sourcePrefix, targetPrefix, maxCells);
  const cost = new Float64Array(cells).fill(Infinity);
  const move = new Int8Array(cells).fill(-1);
  cost[0] = 0;
  const beadSource = BEADS.map((bead) => bead.source);
  const beadTarget = BEADS.map((bead) => bead.target);
  const logPriors = BEADS.map((bead) => (priors[bead.kind] > 0 ? Math.log(priors[bead.kind]) : NaN));

  let sinceReport = 0;
  for (let i = 0; i <= n; i++) {
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    const rowOffset = offset[i]! - rowLo;
    sinceReport += rowHi - rowLo + 1;
    if (sinceReport >= CELLS_PER_STEP) {
      sinceReport = 0;
      yield { done: i, total: n };
    }
    for (let j = rowLo; j <= rowHi; j++) {
      if (i === 0 && j === 0) continue;
      let best = Infinity;
      let bestMove = -1;
      for (let b = 0; b < BEADS.length; b++) {
        const pi = i - beadSource[b]!;
        const pj = j - beadTarget[b]!;
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue; // outside the band: unreachable
        const before = cost[offset[pi]! + pj - lo[pi]!]!;
        if (before === Infinity) continue;
        const logPrior = logPriors[b]!;
        if (Number.isNaN(logPrior)) continue;
        const ls = sourcePrefix[i]! - sourcePrefix[pi]!;
        const lt = targetPrefix[j]! - targetPrefix[pj]!;
        const total = before + beadCost(ls, lt, logPrior, c, s2);
        if (total < best) {
          best = total;
          bestMove = b;
        }
      }
      cost[rowOffset + j] = best;
      move[rowOffset + j] = bestMove;
    }
  }

  const pairs: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const bead = BEADS[move[offset[i]! + j - lo[i]!]!];
    if (!bead) throw new RangeError('Gale–Church found no alignment (a bead kind every path needs has prior 0).');
    pairs.push({ source: { start: i - bead.source, end: i }, target: { start: j - bead.target, end: j } });
    i -= bead.source;
    j -= bead.target;
  }
  return pairs.reverse();
}

/** Aligns source sentences to target sentences by their character lengths (see alignLengthsSteps), in steps. */
export function alignSentencesSteps(
  source: readonly string[],
  target: readonly string[],
  options: GaleChurchOptions = {},
): Steps<StepProgress, AlignedPair[]> {
  return alignLengthsSteps(source.map(sentenceLength), target.map(sentenceLength), options);
}

/** Target characters per source character over whole texts: a mean ratio fitted to a language pair. */
export function lengthRatio(source: readonly string[], target: readonly string[]): number {
  const s = source.reduce((sum, x) => sum + sentenceLength(x), 0);
  const t = target.reduce((sum, x) => sum + sentenceLength(x), 0);
  return s === 0 || t === 0 ? CLASSIC_MEAN_RATIO : t / s;
}

/**
 * sacrebleu's translation_edit_rate (metrics/lib_ter.py) transcribed step for step, with plain arrays and no
 * row cache (the cache only skips rows it already has): the reference core/metrics/ter.ts is checked against.
 * Slow on purpose: every candidate's beam distance is computed over the whole matrix, as written there.
 */
const MAX_SHIFT_SIZE = 10;
const MAX_SHIFT_DIST = 50;
const BEAM_WIDTH = 25;
const MAX_SHIFT_CANDIDATES = 1000;
const INFINITY = 1e16;

type Op = 'i' | 'd' | ' ' | 's' | 'x';

function beamEditDistance(hyp: readonly string[], ref: readonly string[]): { distance: number; trace: Op[] } {
  const n = hyp.length;
  const m = ref.length;
  const dist: Array<Array<[number, Op]>> = [Array.from({ length: m + 1 }, (_, j): [number, Op] => [j, 'i'])];
  for (let i = 0; i < n; i++) dist.push(Array.from({ length: m + 1 }, (): [number, Op] => [INFINITY, 'x']));
  const ratio = n > 0 ? m / n : 1;
  const beam = BEAM_WIDTH < ratio / 2 ? Math.ceil(ratio / 2 + BEAM_WIDTH) : BEAM_WIDTH;
  for (let i = 1; i <= n; i++) {
    const diagonal = Math.floor(i * ratio);
    const minJ = Math.max(0, diagonal - beam);
    const maxJ = i === n ? m + 1 : Math.min(m + 1, diagonal + beam);
    for (let j = minJ; j < maxJ; j++) {
      if (j === 0) {
        dist[i]![j] = [dist[i - 1]![j]![0] + 1, 'd'];
        continue;
      }
      const same = hyp[i - 1] === ref[j - 1];
      const ops: Array<[number, Op]> = [
        [dist[i - 1]![j - 1]![0] + (same ? 0 : 1), same ? ' ' : 's'],
        [dist[i - 1]![j]![0] + 1, 'd'],
        [dist[i]![j - 1]![0] + 1, 'i'],
      ];
      for (const [cost, op] of ops) if (dist[i]![j]![0] > cost) dist[i]![j] = [cost, op];
    }
  }
  const trace: Op[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const op = dist[i]![j]![1];
    trace.unshift(op);
    if (op === 's' || op === ' ') {
      i--;
      j--;
    } else if (op === 'i') j--;
    else if (op === 'd') i--;
    else throw new Error(`unknown operation ${op}`);
  }
  return { distance: dist[n]![m]![0], trace };
}

function traceToAlignment(trace: readonly Op[]): { align: Map<number, number>; refErr: number[]; hypErr: number[] } {
  let posHyp = -1;
  let posRef = -1;
  const hypErr: number[] = [];
  const refErr: number[] = [];
  const align = new Map<number, number>();
  for (const op of trace) {
    if (op === ' ' || op === 's') {
      posHyp++;
      posRef++;
      align.set(posRef, posHyp);
      hypErr.push(op === 's' ? 1 : 0);
      refErr.push(op === 's' ? 1 : 0);
    } else if (op === 'i') {
      posHyp++;
      hypErr.push(1);
    } else if (op === 'd') {
      posRef++;
      align.set(posRef, posHyp);
      refErr.push(1);
    }
  }
  return { align, refErr, hypErr };
}

function performShift(words: readonly string[], start: number, length: number, target: number): string[] {
  if (target < start) {
    return [...words.slice(0, target), ...words.slice(start, start + length), ...words.slice(target, start), ...words.slice(start + length)];
  }
  if (target > start + length) {
    return [...words.slice(0, start), ...words.slice(start + length, target), ...words.slice(start, start + length), ...words.slice(target)];
  }
  return [...words.slice(0, start), ...words.slice(start + length, length + target), ...words.slice(start, start + length), ...words.slice(length + target)];
}

function* shiftedPairs(h: readonly string[], r: readonly string[]): Generator<[number, number, number]> {
  for (let startH = 0; startH < h.length; startH++) {
    for (let startR = 0; startR < r.length; startR++) {
      if (Math.abs(startR - startH) > MAX_SHIFT_DIST) continue;
      let length = 0;
      while (h[startH + length] === r[startR + length] && length < MAX_SHIFT_SIZE) {
        length++;
        yield [startH, startR, length];
        if (h.length === startH + length || r.length === startR + length) break;
      }
    }
  }
}

/** Python's tuple comparison of (gain, length, -start, -target, words). */
function greater(a: [number, number, number, number, string[]], b: [number, number, number, number, string[]]): boolean {
  for (let k = 0; k < 4; k++) if (a[k] !== b[k]) return (a[k] as number) > (b[k] as number);
  const [x, y] = [a[4], b[4]];
  for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k]! > y[k]!;
  return x.length > y.length;
}

function shift(h: string[], r: readonly string[], checked: number): { delta: number; words: string[]; checked: number } {
  const { distance: preScore, trace: inverse } = beamEditDistance(h, r);
  const trace = inverse.map((op): Op => (op === 'i' ? 'd' : op === 'd' ? 'i' : op));
  const { align, refErr, hypErr } = traceToAlignment(trace);
  let best: [number, number, number, number, string[]] | null = null;
  const sum = (xs: number[], from: number, to: number) => xs.slice(from, to).reduce((a, b) => a + b, 0);
  for (const [startH, startR, length] of shiftedPairs(h, r)) {
    if (sum(hypErr, startH, startH + length) === 0) continue;
    if (sum(refErr, startR, startR + length) === 0) continue;
    const aligned = align.get(startR)!;
    if (startH <= aligned && aligned < startH + length) continue;
    let previous = -1;
    for (let offset = -1; offset < length; offset++) {
      let index: number;
      if (startR + offset === -1) index = 0;
      else if (align.has(startR + offset)) index = align.get(startR + offset)! + 1;
      else break;
      if (index === previous) continue;
      previous = index;
      const shifted = performShift(h, startH, length, index);
      const candidate: [number, number, number, number, string[]] = [
        preScore - beamEditDistance(shifted, r).distance, length, -startH, -index, shifted,
      ];
      checked++;
      if (!best || greater(candidate, best)) best = candidate;
    }
    if (checked >= MAX_SHIFT_CANDIDATES) break;
  }
  return best ? { delta: best[0], words: best[4], checked } : { delta: 0, words: h, checked };
}

export interface ReferenceTer {
  edits: number;
  refWords: number;
  /** The kinds of the edits, from the trace of the final hypothesis (sacrebleu keeps only their sum). */
  insertions: number;
  deletions: number;
  substitutions: number;
  shifts: number;
}

/** sacrebleu's (edits, reference length) of a tokenized hypothesis against a tokenized reference. */
export function referenceTer(hyp: readonly string[], ref: readonly string[]): ReferenceTer {
  if (ref.length === 0) return { edits: hyp.length, refWords: 0, insertions: 0, deletions: hyp.length, substitutions: 0, shifts: 0 };
  let shifts = 0;
  let words = [...hyp];
  let checked = 0;
  for (;;) {
    const step = shift(words, ref, checked);
    checked = step.checked;
    if (checked >= MAX_SHIFT_CANDIDATES) break;
    if (step.delta <= 0) break;
    shifts++;
    words = step.words;
  }
  const { distance, trace } = beamEditDistance(words, ref);
  const count = (op: Op) => trace.filter((o) => o === op).length;
  return {
    edits: shifts + distance,
    refWords: ref.length,
    insertions: count('i'),
    deletions: count('d'),
    substitutions: count('s'),
    shifts,
  };
}

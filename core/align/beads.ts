import type { AlignedPair } from './galeChurch';

/**
 * An alignment as the editor edits it: beads are contiguous and in order, so the number of source and target
 * sentences in each bead says everything. Edits then cannot produce gaps or overlaps, only wrong totals.
 */
export type BeadCounts = ReadonlyArray<readonly [source: number, target: number]>;

export function countsOf(pairs: readonly AlignedPair[]): Array<[number, number]> {
  return pairs.map((p) => [p.source.end - p.source.start, p.target.end - p.target.start]);
}

export function pairsOf(counts: BeadCounts): AlignedPair[] {
  let s = 0;
  let t = 0;
  return counts.map(([a, b]) => {
    const pair = { source: { start: s, end: s + a }, target: { start: t, end: t + b } };
    s += a;
    t += b;
    return pair;
  });
}

const isCount = (x: number): boolean => Number.isInteger(x) && x >= 0;

function coverage(side: string, covered: number, total: number): string | null {
  if (covered < total) return `The alignment covers ${covered} of ${total} ${side} sentences.`;
  if (covered > total) return `The alignment has ${covered} ${side} sentences, but the text has ${total}.`;
  return null;
}

/** Null for a valid alignment of sourceCount and targetCount sentences, else what is wrong, for the editor. */
export function checkCounts(counts: BeadCounts, sourceCount: number, targetCount: number): string | null {
  let s = 0;
  let t = 0;
  for (const [k, [a, b]] of counts.entries()) {
    if (!isCount(a) || !isCount(b)) return `Bead ${k + 1} has an invalid sentence count.`;
    if (a === 0 && b === 0) return `Bead ${k + 1} holds no sentences.`;
    s += a;
    t += b;
  }
  return coverage('source', s, sourceCount) ?? coverage('target', t, targetCount);
}

function copy(counts: BeadCounts): Array<[number, number]> {
  return counts.map(([a, b]) => [a, b]);
}

function checkIndex(counts: BeadCounts, index: number, last: number): void {
  if (!Number.isInteger(index) || index < 0 || index > last) throw new RangeError(`No bead ${index} to edit.`);
}

/** Beads index and index + 1 become one. */
export function mergeWithNext(counts: BeadCounts, index: number): Array<[number, number]> {
  checkIndex(counts, index, counts.length - 2);
  const [a, b] = counts[index]!;
  const [c, d] = counts[index + 1]!;
  const out = copy(counts);
  out.splice(index, 2, [a + c, b + d]);
  return out;
}

export function canSplit([a, b]: readonly [number, number]): boolean {
  return a + b >= 2;
}

/** Bead (a, b) becomes (sourceCut, targetCut) and (a − sourceCut, b − targetCut); neither may be empty. */
export function splitBead(counts: BeadCounts, index: number, sourceCut: number, targetCut: number): Array<[number, number]> {
  checkIndex(counts, index, counts.length - 1);
  const [a, b] = counts[index]!;
  const within = (cut: number, n: number) => Number.isInteger(cut) && cut >= 0 && cut <= n;
  if (!within(sourceCut, a) || !within(targetCut, b)) throw new RangeError(`Bead ${index} cannot be cut at (${sourceCut}, ${targetCut}).`);
  if (sourceCut + targetCut === 0 || sourceCut + targetCut === a + b) throw new RangeError('A split may not leave an empty bead.');
  const out = copy(counts);
  out.splice(index, 1, [sourceCut, targetCut], [a - sourceCut, b - targetCut]);
  return out;
}

/** The cut a split offers first: one sentence a side in the first half, as long as the second keeps one. */
export function defaultCut(count: readonly [number, number]): [number, number] {
  if (!canSplit(count)) throw new RangeError(`A ${beadKind(count)} bead cannot be split.`);
  const [a, b] = count;
  const cut: [number, number] = [Math.min(1, a), Math.min(1, b)];
  // Only 1–1 is used up by that cut: it splits into an omission and an addition, 1–0 then 0–1.
  return cut[0] === a && cut[1] === b ? [a, 0] : cut;
}

/** "2–1": the bead's shape for the UI. */
export function beadKind([a, b]: readonly [number, number]): string {
  return `${a}–${b}`;
}

export function isOneToOne([a, b]: readonly [number, number]): boolean {
  return a === 1 && b === 1;
}

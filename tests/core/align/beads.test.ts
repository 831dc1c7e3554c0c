import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beadKind,
  canSplit,
  checkCounts,
  countsOf,
  defaultCut,
  isOneToOne,
  mergeWithNext,
  pairsOf,
  splitBead,
  type BeadCounts,
} from '../../../core/align/beads';
import { beadCounts } from './alignArbitraries';
import { alignSentences } from './alignToEnd';

const sums = (counts: BeadCounts): [number, number] => counts.reduce<[number, number]>(([s, t], [a, b]) => [s + a, t + b], [0, 0]);

describe('bead counts', () => {
  it('converts to and from pairs', () => {
    const pairs = [
      { source: { start: 0, end: 1 }, target: { start: 0, end: 1 } },
      { source: { start: 1, end: 3 }, target: { start: 1, end: 2 } },
      { source: { start: 3, end: 4 }, target: { start: 2, end: 2 } },
    ];
    expect(countsOf(pairs)).toEqual([
      [1, 1],
      [2, 1],
      [1, 0],
    ]);
    expect(pairsOf(countsOf(pairs))).toEqual(pairs);
    expect(pairsOf([])).toEqual([]);
  });

  it('says what is wrong with an invalid alignment', () => {
    expect(checkCounts([[1, 1], [2, 1]], 3, 2)).toBeNull();
    expect(checkCounts([], 0, 0)).toBeNull();
    expect(checkCounts([[1, 1], [11, 1]], 13, 2)).toBe('The alignment covers 12 of 13 source sentences.');
    expect(checkCounts([[1, 1], [1, 2]], 2, 4)).toBe('The alignment covers 3 of 4 target sentences.');
    expect(checkCounts([[2, 1], [1, 2]], 2, 3)).toBe('The alignment has 3 source sentences, but the text has 2.');
    expect(checkCounts([[1, 1], [0, 0], [1, 1]], 2, 2)).toBe('Bead 2 holds no sentences.');
    expect(checkCounts([[1, -1], [1, 2]], 2, 1)).toBe('Bead 1 has an invalid sentence count.');
    expect(checkCounts([[1.5, 1], [0.5, 1]], 2, 2)).toBe('Bead 1 has an invalid sentence count.');
    expect(checkCounts([[NaN, 1]], 0, 1)).toBe('Bead 1 has an invalid sentence count.');
  });

  it('merges a bead with the next one', () => {
    const counts: BeadCounts = [[1, 1], [1, 0], [1, 1]];
    expect(mergeWithNext(counts, 0)).toEqual([[2, 1], [1, 1]]);
    expect(mergeWithNext(counts, 1)).toEqual([[1, 1], [2, 1]]);
    expect(counts).toEqual([[1, 1], [1, 0], [1, 1]]); // not mutated
    expect(() => mergeWithNext(counts, 2)).toThrow(RangeError);
    expect(() => mergeWithNext(counts, -1)).toThrow(RangeError);
    expect(() => mergeWithNext(counts, 0.5)).toThrow(RangeError);
  });

  it('splits a bead in two, never leaving an empty half', () => {
    const counts: BeadCounts = [[1, 1], [2, 2]];
    expect(splitBead(counts, 1, 1, 1)).toEqual([[1, 1], [1, 1], [1, 1]]);
    expect(splitBead(counts, 1, 2, 0)).toEqual([[1, 1], [2, 0], [0, 2]]);
    expect(splitBead(counts, 0, 1, 0)).toEqual([[1, 0], [0, 1], [2, 2]]);
    expect(() => splitBead(counts, 0, 1, 1)).toThrow(RangeError); // second half empty
    expect(() => splitBead(counts, 0, 0, 0)).toThrow(RangeError); // first half empty
    expect(() => splitBead(counts, 1, 3, 0)).toThrow(RangeError);
    expect(() => splitBead(counts, 1, -1, 1)).toThrow(RangeError);
    expect(() => splitBead(counts, 2, 1, 0)).toThrow(RangeError);
  });

  it('offers a first cut and labels beads for the UI', () => {
    expect(defaultCut([1, 1])).toEqual([1, 0]);
    expect(defaultCut([2, 0])).toEqual([1, 0]);
    expect(defaultCut([0, 3])).toEqual([0, 1]);
    expect(defaultCut([2, 1])).toEqual([1, 1]);
    expect(defaultCut([1, 2])).toEqual([1, 1]);
    expect(defaultCut([2, 2])).toEqual([1, 1]);
    expect(() => defaultCut([1, 0])).toThrow(RangeError);
    expect([canSplit([1, 0]), canSplit([0, 1]), canSplit([1, 1]), canSplit([2, 0])]).toEqual([false, false, true, true]);
    expect([beadKind([1, 1]), beadKind([2, 1]), beadKind([1, 0])]).toEqual(['1–1', '2–1', '1–0']);
    expect([isOneToOne([1, 1]), isOneToOne([2, 1]), isOneToOne([0, 1])]).toEqual([true, false, false]);
  });
});

describe('bead count properties', () => {
  it('stays valid under any sequence of merges and splits', () => {
    const edit = fc.record({ merge: fc.boolean(), at: fc.nat(), sourceCut: fc.nat(), targetCut: fc.nat() });
    fc.assert(
      fc.property(beadCounts, fc.array(edit, { maxLength: 20 }), (initial, edits) => {
        const [sourceCount, targetCount] = sums(initial);
        let counts: BeadCounts = initial;
        for (const { merge, at, sourceCut, targetCut } of edits) {
          if (merge && counts.length >= 2) {
            counts = mergeWithNext(counts, at % (counts.length - 1));
          } else {
            const splittable = counts.flatMap((count, k) => (canSplit(count) ? [k] : []));
            if (splittable.length === 0) continue;
            const k = splittable[at % splittable.length]!;
            const [a, b] = counts[k]!;
            let cut: [number, number] = [sourceCut % (a + 1), targetCut % (b + 1)];
            if (cut[0] + cut[1] === 0 || cut[0] + cut[1] === a + b) cut = defaultCut([a, b]);
            counts = splitBead(counts, k, ...cut);
          }
          expect(checkCounts(counts, sourceCount, targetCount)).toBeNull();
        }
      }),
    );
  });

  it('gives back any Gale–Church alignment through counts', () => {
    const sentences = fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 });
    fc.assert(
      fc.property(sentences, sentences, (source, target) => {
        const pairs = alignSentences(source, target);
        expect(pairsOf(countsOf(pairs))).toEqual(pairs);
        expect(checkCounts(countsOf(pairs), source.length, target.length)).toBeNull();
      }),
    );
  });

  it('undoes a merge by splitting at the old boundary', () => {
    fc.assert(
      fc.property(
        beadCounts.filter((counts) => counts.length >= 2),
        fc.nat(),
        (counts, at) => {
          const k = at % (counts.length - 1);
          const [a, b] = counts[k]!;
          expect(splitBead(mergeWithNext(counts, k), k, a, b)).toEqual(counts);
        },
      ),
    );
  });
});

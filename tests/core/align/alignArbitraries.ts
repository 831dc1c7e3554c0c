import fc from 'fast-check';

/** Any valid alignment: beads of 0–3 sentences a side, none empty. */
export const beadCounts: fc.Arbitrary<Array<[number, number]>> = fc
  .array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 30 })
  .map((beads) => beads.filter(([a, b]) => a + b > 0));

/** A valid alignment of exactly `targetCount` target sentences to however many source sentences it takes. */
export function beadCountsFor(targetCount: number): fc.Arbitrary<Array<[number, number]>> {
  return beadCounts.map((beads) => {
    let left = targetCount;
    const out: Array<[number, number]> = [];
    for (const [a, b] of beads) {
      const taken = Math.min(b, left);
      if (a + taken === 0) continue;
      out.push([a, taken]);
      left -= taken;
    }
    for (; left > 0; left -= Math.min(2, left)) out.push([0, Math.min(2, left)]);
    return out;
  });
}

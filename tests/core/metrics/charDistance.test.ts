import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charDistance, charEditRate, diagonalDistance, levenshtein } from '../../../core/metrics/levenshtein';

/** The plain O(n·m) distance over code points: what the bit-parallel one must equal. */
const plain = (a: string, b: string) => levenshtein(Array.from(a), Array.from(b));

// Few distinct characters make many matches (the interesting case for the bit vectors); astral ones and lone
// surrogates check the code point mapping.
const alphabet = fc.constantFrom('a', 'b', 'c', ' ', 'ä', 'ß', '😀', '😁', '\ud800', '\udc00', '中');
const text = (maxLength: number) => fc.array(alphabet, { maxLength }).map((chars) => chars.join(''));
/** A text and an edited copy of it: post-edits are mostly the MT with a few changes. */
const edited = (maxLength: number) =>
  fc
    .tuple(text(maxLength), fc.array(fc.tuple(fc.nat(), fc.nat(3), text(4)), { maxLength: 6 }))
    .map(([base, edits]) => {
      let copy = Array.from(base);
      for (const [at, cut, insert] of edits) {
        const k = copy.length === 0 ? 0 : at % copy.length;
        copy = [...copy.slice(0, k), ...Array.from(insert), ...copy.slice(k + cut)];
      }
      return [base, copy.join('')] as const;
    });

describe('charDistance (bit-parallel, blocks of 32)', () => {
  it('equals the plain distance on short texts (one block)', () => {
    fc.assert(fc.property(text(40), text(40), (a, b) => charDistance(a, b) === plain(a, b)), { numRuns: 2000 });
  });

  it('equals the plain distance on long texts (several blocks, carries between them)', () => {
    fc.assert(fc.property(text(300), text(300), (a, b) => charDistance(a, b) === plain(a, b)), { numRuns: 300 });
  });

  it('equals the plain distance on a text and its edited copy', () => {
    fc.assert(fc.property(edited(400), ([a, b]) => charDistance(a, b) === plain(a, b)), { numRuns: 500 });
  });

  it('is exact at the block boundaries', () => {
    for (const length of [31, 32, 33, 63, 64, 65, 96, 97]) {
      const a = 'ab'.repeat(length).slice(0, length);
      const b = 'ba'.repeat(length + 1).slice(0, length + 1);
      expect(charDistance(a, b)).toBe(plain(a, b));
      expect(charDistance(a, '')).toBe(length);
      expect(charDistance('x' + a, a + 'x')).toBe(plain('x' + a, a + 'x'));
    }
  });

  it('gives the plain distance over the longer length in code points, with or without surrogates', () => {
    fc.assert(
      fc.property(edited(120), ([a, b]) => {
        const longer = Math.max(Array.from(a).length, Array.from(b).length);
        expect(charEditRate(a, b)).toBe(longer === 0 ? 0 : (100 * plain(a, b)) / longer);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the distance by diagonals when it is within the budget, and says -1 when it is not', () => {
    const ascii = fc.array(fc.constantFrom('a', 'b', 'c', ' '), { maxLength: 60 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(ascii, ascii, fc.nat(70), (a, b, budget) => {
        const d = plain(a, b);
        expect(diagonalDistance(a, 0, a.length, b, 0, b.length, budget)).toBe(d <= budget ? d : -1);
      }),
      { numRuns: 2000 },
    );
    // Read from an offset into each text, as distanceOf calls it past the common start.
    expect(diagonalDistance('xxkitten', 2, 6, 'ysitting', 1, 7, 5)).toBe(3);
  });

  it('is exact on long texts, near and far apart (the diagonal search, and the sweep when it gives up)', () => {
    const base = Array.from({ length: 5000 }, (_, k) => 'abcdefgh '[(k * 7919) % 9]).join('');
    // Edits at both ends and in between, so the common ends do not cover them.
    const near = 'X' + base.slice(1, 1200) + 'YY' + base.slice(1203, 3000) + base.slice(3010) + 'Z';
    expect(charDistance(base, near)).toBe(plain(base, near));
    const far = Array.from({ length: 4500 }, (_, k) => 'abcdefgh '[(k * 104729 + 3) % 9]).join('');
    expect(charDistance(base, far)).toBe(plain(base, far));
  });

  it('gives the rate over the longer length in code points', () => {
    expect(charEditRate('a😀', 'a😁')).toBe(50);
    expect(charEditRate('kitten', 'sitting')).toBeCloseTo((100 * 3) / 7, 10);
  });
});

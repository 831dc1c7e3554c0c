import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terWords } from '../../../core/metrics/ter';
import { tercomWords } from '../../../core/metrics/tercomTokenize';
import { readApe } from './apeFixture';

const ter = (hyp: string, ref: string) => terWords(hyp.split(' ').filter(Boolean), ref.split(' ').filter(Boolean));

describe('terWords against sacrebleu (ter.tsv, normalized, case-sensitive)', () => {
  const ape = readApe();

  it('has all 2,000 lines of the fixture', () => {
    expect(ape).toHaveLength(2000);
  });

  it('gives exactly the reference edits and reference words on every line', () => {
    const mismatches = ape
      .map((row) => ({ row, got: terWords(tercomWords(row.mt), tercomWords(row.pe)) }))
      .filter(({ row, got }) => got.edits !== row.edits || got.refWords !== row.refWords)
      .map(({ row, got }) => `line ${row.line}: ${got.edits}/${got.refWords}, expected ${row.edits}/${row.refWords}`);
    expect(mismatches).toEqual([]);
  });

  it('gives the corpus figure 23.01 (7,795 edits over 33,879 reference words)', () => {
    let edits = 0;
    let refWords = 0;
    for (const row of ape) {
      const got = terWords(tercomWords(row.mt), tercomWords(row.pe));
      edits += got.edits;
      refWords += got.refWords;
    }
    expect([edits, refWords]).toEqual([7795, 33879]);
    expect(((100 * edits) / refWords).toFixed(2)).toBe('23.01');
  });
});

describe('terWords', () => {
  it('counts a moved block as one shift', () => {
    // The classic example of Snover et al.: the block moves, then one word is substituted.
    expect(ter('saudi arabia denied this week information published in the american new york times',
      'this week the saudis denied information published in the new york times')).toMatchObject({ edits: 4, refWords: 12 });
    expect(ter('a b c d e', 'c d e a b')).toEqual({
      edits: 1, refWords: 5, insertions: 0, deletions: 0, substitutions: 0, shifts: 1,
    });
  });

  it('counts insertions, deletions and substitutions by kind', () => {
    expect(ter('the cat sat', 'the black cat sat')).toMatchObject({ edits: 1, insertions: 1 });
    expect(ter('the black cat sat', 'the cat sat')).toMatchObject({ edits: 1, deletions: 1 });
    expect(ter('the cat sat', 'the dog sat')).toMatchObject({ edits: 1, substitutions: 1 });
  });

  it('handles empty sides', () => {
    expect(ter('', 'a b')).toMatchObject({ edits: 2, refWords: 2, insertions: 2 });
    expect(ter('a b', '')).toMatchObject({ edits: 2, refWords: 0, deletions: 2 });
    expect(ter('', '')).toMatchObject({ edits: 0, refWords: 0 });
  });

  it('is 0 for identical texts, never more than the longer length, and its kinds add up', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'the', 'of', '.'), { maxLength: 30 });
    fc.assert(
      fc.property(words, words, (hyp, ref) => {
        const result = terWords(hyp, ref);
        expect(terWords(hyp, hyp).edits).toBe(0);
        expect(result.refWords).toBe(ref.length);
        expect(result.edits).toBeLessThanOrEqual(Math.max(hyp.length, ref.length));
        expect(result.insertions + result.deletions + result.substitutions + result.shifts).toBe(result.edits);
        expect(result.insertions - result.deletions).toBe(ref.length - hyp.length);
      }),
      { numRuns: 3000 },
    );
  });
});

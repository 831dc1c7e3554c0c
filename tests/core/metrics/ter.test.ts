import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terWords } from '../../../core/metrics/ter';
import { tercomWords } from '../../../core/metrics/tercomTokenize';
import { readApe } from './apeFixture';
import { referenceTer } from './terReference';

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

describe('terWords against sacrebleu transcribed (tests/core/metrics/terReference.ts)', () => {
  const vocabulary = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'the', 'of', ',', '.');
  const same = (hyp: string[], ref: string[]) => {
    expect(terWords(hyp, ref)).toEqual(referenceTer(hyp, ref));
  };

  it('gives its edits on sentences of up to 40 words (one block of the reference, the beam spanning every row)', () => {
    const words = fc.array(vocabulary, { maxLength: 40 });
    fc.assert(fc.property(words, words, same), { numRuns: 400 });
  });

  it('gives its edits where the beam cuts rows off and the reference takes several blocks of 32 words', () => {
    // Up to 90 words, lengths drawn apart: distances past 23, pseudo-diagonals far from the plain one.
    const words = fc.array(vocabulary, { minLength: 20, maxLength: 90 });
    fc.assert(fc.property(words, words, same), { numRuns: 12 });
  });

  it('ranks a candidate by its beam distance where its best alignment leaves the beam (sacrebleu: 45 edits)', () => {
    // 42 extra words before 82: the cheapest alignment of some candidates runs further than the beam from the
    // pseudo-diagonal, so their plain distance is lower than the beam distance sacrebleu ranks them by.
    const ref = ('e e e e . e e a . . . a . e e a . a a . e a e a a a e e a a . a e . a . e . . a a . a e e e e e . ' +
      'e a a a a a e e . a . e a e e e . e a . e a a e e e e . a a . . a').split(' ');
    const hyp = [...Array<string>(42).fill('x'), ...ref.slice(0, 4), ...ref.slice(7, 10), ...ref.slice(4, 7), ...ref.slice(10)];
    expect(terWords(hyp, ref)).toMatchObject({ edits: 45, refWords: 82 });
    same(hyp, ref);
  });

  it('gives its edits on an edited copy (shifted blocks, few edits, long sentences)', () => {
    const edited = fc
      .tuple(fc.array(vocabulary, { minLength: 25, maxLength: 70 }), fc.nat(60), fc.integer({ min: 1, max: 10 }), fc.nat(70), fc.array(vocabulary, { maxLength: 4 }))
      .map(([ref, start, length, target, inserted]) => {
        const hyp = [...ref];
        const block = hyp.splice(Math.min(start, hyp.length), length);
        hyp.splice(Math.min(target, hyp.length), 0, ...inserted, ...block);
        return [hyp, ref] as const;
      });
    fc.assert(fc.property(edited, ([hyp, ref]) => same(hyp, ref)), { numRuns: 60 });
  });

  // Past 128 reference words candidates are measured by the beam alone, each only up to where it rejoins the
  // hypothesis (the costs from there to the end kept per cell).
  it('gives its edits on sentences past 128 words, their lengths far apart', () => {
    const long = fc.array(vocabulary, { minLength: 129, maxLength: 200 });
    const other = fc.array(vocabulary, { minLength: 30, maxLength: 320 });
    fc.assert(fc.property(other, long, same), { numRuns: 6 });
  });

  it('gives its edits on an edited copy of a sentence past 128 words (blocks shifted near its start and end)', () => {
    const edited = fc
      .tuple(fc.array(vocabulary, { minLength: 129, maxLength: 220 }), fc.nat(220), fc.integer({ min: 1, max: 10 }), fc.nat(220), fc.array(vocabulary, { maxLength: 6 }), fc.nat(220))
      .map(([ref, start, length, target, inserted, dropped]) => {
        const hyp = [...ref];
        const block = hyp.splice(Math.min(start, hyp.length), length);
        hyp.splice(Math.min(target, hyp.length), 0, ...inserted, ...block);
        hyp.splice(Math.min(dropped, hyp.length), 2);
        return [hyp, ref] as const;
      });
    fc.assert(fc.property(edited, ([hyp, ref]) => same(hyp, ref)), { numRuns: 20 });
  });
});


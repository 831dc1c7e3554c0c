import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentMetrics } from '../../../core/metrics/segmentMetrics';
import { terWords } from '../../../core/metrics/ter';
import { tercomSpans, tercomWords, wordHash, type TerOptions } from '../../../core/metrics/tercomTokenize';
import { ABSENT, encodePair } from '../../../core/metrics/wordIds';
import { readApe } from './apeFixture';

// Words that tokenize apart or together depending on the options, with case, entities and Python's spaces.
const pieces = fc.constantFrom(
  'a', 'A', 'b', 'the', 'The', 'THE', 'é', 'É', 'ß', '😀', '3.5', '1,000', '2-3', "'s", '.', ',', '-', '(', ')', '&amp;',
  '&', '"', ' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u2009', 'ab', 'ba', 'aa', 'a.b', 'x,y',
);
const text = fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join(''));
const options = fc.record({ normalize: fc.boolean(), caseSensitive: fc.boolean() });

/** What encodePair gives, as plain arrays (it reuses its memory from call to call). */
function encoded(hyp: string, ref: string, opts: TerOptions): { hyp: number[]; ref: number[] } {
  const pair = encodePair(hyp, ref, opts);
  return { hyp: Array.from(pair.hyp.subarray(0, pair.n)), ref: Array.from(pair.ref.subarray(0, pair.m)) };
}

describe('encodePair: words as integers', () => {
  it('numbers the reference words in order of first use and marks the hypothesis words the reference lacks', () => {
    fc.assert(
      fc.property(text, text, options, (hyp, ref, opts) => {
        const hypWords = tercomWords(hyp, opts);
        const refWords = tercomWords(ref, opts);
        const distinct = [...new Set(refWords)];
        expect(encoded(hyp, ref, opts)).toEqual({
          ref: refWords.map((word) => distinct.indexOf(word)),
          hyp: hypWords.map((word) => (distinct.includes(word) ? distinct.indexOf(word) : ABSENT)),
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps many distinct words apart (a larger table, words of every length)', () => {
    const words = fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), minLength: 1, maxLength: 6 }), { minLength: 40, maxLength: 200 });
    fc.assert(
      fc.property(words, words, (hyp, ref) => {
        const distinct = [...new Set(ref)];
        expect(encoded(hyp.join(' '), ref.join(' '), {})).toEqual({
          ref: ref.map((word) => distinct.indexOf(word)),
          hyp: hyp.map((word) => (distinct.includes(word) ? distinct.indexOf(word) : ABSENT)),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gets from the tokenizer the words of tercomWords as spans, each with its hash', () => {
    fc.assert(
      fc.property(text, options, (sentence, opts) => {
        const { codes, spans, hashes, count } = tercomSpans(sentence, opts);
        const words = Array.from({ length: count }, (_, k) => String.fromCharCode(...codes.subarray(spans[2 * k]!, spans[2 * k + 1]!)));
        expect(words).toEqual(tercomWords(sentence, opts));
        for (let k = 0; k < count; k++) expect(hashes[k]).toBe(wordHash(codes, spans[2 * k]!, spans[2 * k + 1]!));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives segmentMetrics the TER of the words as strings, with every option', () => {
    fc.assert(
      fc.property(text, text, options, (mt, pe, opts) => {
        const { edits, refWords, insertions, deletions, substitutions, shifts } = segmentMetrics(mt, pe, opts);
        expect({ edits, refWords, insertions, deletions, substitutions, shifts }).toEqual(terWords(tercomWords(mt, opts), tercomWords(pe, opts)));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives segmentMetrics sacrebleu's figures on every line of the shared corpus", () => {
    const mismatches = readApe()
      .map((row) => ({ row, got: segmentMetrics(row.mt, row.pe) }))
      .filter(({ row, got }) => got.edits !== row.edits || got.refWords !== row.refWords)
      .map(({ row }) => row.line);
    expect(mismatches).toEqual([]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { icuSentences } from '../../../core/segmentation/icuSentences';

const icuWhole = (line: string) =>
  [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(line)].map((p) => ({
    start: p.index,
    end: p.index + p.segment.length,
  }));

// Lines near the shortcut's edge (a line ICU is not asked about when it has at most one terminator, at its
// end): words in several scripts, then terminators, closers and spaces in any order and number.
const word = fc.oneof(
  fc.constantFrom('Klicken', 'Sie', 'auf', 'OK', 'z', 'B', 'Größe', 'économie', 'Москва', '東京', '2.0', 'e.g', 'mr', '…'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
);
const tail = fc.array(
  fc.constantFrom('.', '!', '?', '"', "'", ')', ']', '}', '»', '’', '”', ' ', '\t', '。', '！', '\u2024', '\uFF0E', '\u2029', '\u0085', '؟', '।', '𑁇'),
  { maxLength: 6 },
);
const line = fc
  .tuple(fc.array(word, { minLength: 0, maxLength: 8 }), tail, fc.constantFrom('', ' ', ' " '))
  .map(([words, end, lead]) => `${lead}${words.join(' ')}${end.join('')}`);

describe('one-sentence lines', () => {
  it('are split exactly as ICU splits the whole line, with or without the shortcut', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect([...icuSentences(text)]).toEqual(icuWhole(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('cover the common endings', () => {
    for (const text of ['Klicken Sie auf OK.', 'Klicken Sie auf " OK . "', 'Was nun?" ', 'Ende.) ', 'Ohne Punkt', '', '   ', '.']) {
      expect([...icuSentences(text)]).toEqual(icuWhole(text));
    }
  });
});

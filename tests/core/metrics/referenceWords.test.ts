import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceWordCount } from '../../../core/metrics/referenceWords';
import { STORED_TER_OPTIONS } from '../../../core/metrics/storedFigures';
import { tercomWords } from '../../../core/metrics/tercomTokenize';

const APE = new URL('../../../../shared/fixtures/ape-en-de/', import.meta.url);

// Every ASCII character, Python's whitespace beyond ASCII, letters beyond it and astral characters: texts with
// and without what sends the count to the full tokenizer.
const pieces = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u0085', '\u00a0', '\u1680', '\u2009', '\u2028', '\u202f', '\u3000', '\u200b', '\ufeff', 'é', 'ß', '…', '–', '’', '😀', 'Größe', ' . ', ' , ', '...'),
);
const text = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));
const withoutContext = text.map((t) => t.replace(/[0-9'&\n\r]/g, 'x'));

describe('referenceWordCount', () => {
  it('is the number of words tercom makes of the text, with the stored options', () => {
    expect(STORED_TER_OPTIONS).toEqual({ normalize: true, caseSensitive: true });
    fc.assert(
      fc.property(fc.oneof(text, withoutContext), (t) => {
        expect(referenceWordCount(t)).toBe(tercomWords(t, STORED_TER_OPTIONS).length);
      }),
      { numRuns: 10_000 },
    );
  });

  it('on every MT and post-edit line of the shared corpus', () => {
    const lines = ['mt.txt', 'pe.txt'].flatMap((file) => readFileSync(new URL(file, APE), 'utf8').split('\n'));
    for (const line of lines) expect(referenceWordCount(line)).toBe(tercomWords(line).length);
  });
});

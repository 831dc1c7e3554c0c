import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textParts } from '../../../core/model/textParts';

describe('a text cut into parts', () => {
  it('joins back to the text, each part within the size, no surrogate pair cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 2, max: 40 }), (text, size) => {
        const parts = textParts(text, size);
        expect(parts.join('')).toBe(text);
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0);
          expect(part.length).toBeLessThanOrEqual(size);
          // Every part is well-formed UTF-16 on its own: stored as UTF-8, it reads back the same.
          expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
        }
      }),
    );
  });

  it('moves a cut that would fall inside a pair to before it', () => {
    expect(textParts('ab😀cd', 3)).toEqual(['ab', '😀c', 'd']);
    expect(textParts('', 4)).toEqual([]);
    expect(() => textParts('abc', 1)).toThrow(RangeError);
  });
});

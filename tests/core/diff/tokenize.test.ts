import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../core/diff';

/** Text rich in the characters tokenize must keep apart: every kind of space, punctuation, and words. */
const mixedText = fc.string({
  unit: fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u202f', '\u3000', '\ufeff', '\u2009'),
    fc.constantFrom(',', '.', '…', '–', '“', '”', '’', '(', ')', '3.5', 'Alma-Ata', 'It’s', 'Kazakhstan', 'e.g.'),
  ),
  maxLength: 40,
});

describe('tokenize', () => {
  it('keeps words whole and spaces and punctuation marks as tokens of their own', () => {
    expect(tokenize('Kazakhstan , said')).toEqual(['Kazakhstan', ' ', ',', ' ', 'said']);
    expect(tokenize('“Mir”, “KTK”')).toEqual(['“', 'Mir', '”', ',', ' ', '“', 'KTK', '”']);
    expect(tokenize('possible. , – said')).toEqual(['possible', '.', ' ', ',', ' ', '–', ' ', 'said']);
  });

  it('keeps a run of whitespace, including line breaks, as one token', () => {
    expect(tokenize('one  two\r\nthree')).toEqual(['one', '  ', 'two', '\r\n', 'three']);
  });

  it('keeps numbers, contractions and dotted abbreviations whole as the word segmenter does', () => {
    expect(tokenize('3.5 per cent')).toEqual(['3.5', ' ', 'per', ' ', 'cent']);
    expect(tokenize('country’s')).toEqual(['country’s']);
    expect(tokenize('Alma-Ata')).toEqual(['Alma', '-', 'Ata']);
  });

  it('splits a run of punctuation into single marks', () => {
    expect(tokenize('?!…')).toEqual(['?', '!', '…']);
  });

  it('does not glue words together across a narrow no-break space', () => {
    expect(tokenize('10\u202f000 km')).toEqual(['10', '\u202f', '000', ' ', 'km']);
  });

  it('gives no tokens for the empty string', () => {
    expect(tokenize('')).toEqual([]);
  });

  it('concatenates back to its input, with no empty token and no token mixing space and non-space', () => {
    fc.assert(
      fc.property(fc.oneof(mixedText, fc.string({ unit: 'grapheme', maxLength: 60 })), (text) => {
        const tokens = tokenize(text);
        expect(tokens.join('')).toBe(text);
        for (const token of tokens) {
          expect(token.length).toBeGreaterThan(0);
          expect(/^\s+$/u.test(token) || !/\s/u.test(token)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tercomWords } from '../../../core/metrics/tercomTokenize';
import { referenceTercomWords } from './tercomReference';

const APE = new URL('../../../../shared/fixtures/ape-en-de/', import.meta.url);

// Characters where tercom's rules interact: digits, stops, commas, hyphens, possessives, its padded class,
// entities, line breaks and Python's other whitespace.
const pieces = fc.constantFrom(
  '0', '7', '.', ',', '-', "'", 's', 'S', 'a', 'Z', ' ', '  ', '\t', '\n', '\n-', '\u00a0', '\u2009', '&amp;', '&quot;',
  '&lt;', '&gt;', '&', ';', '(', ')', '/', ':', '?', '!', '"', '[', ']', '{', '~', '@', '_', '`', '^', '\\', '+', '*',
  '#', '$', '%', '=', '<', '>', '|', 'é', 'ß', '…', '–', '’', "'s", "'s ", '.,', ',.', '3.5', '1,000', '2-3',
);
const tercomText = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));

describe('tercomWords', () => {
  it('splits as tercom does', () => {
    expect(tercomWords("It's 3.5 km (2-3 miles), isn't it?")).toEqual([
      'It', "'s", '3.5', 'km', '(', '2', '-', '3', 'miles', ')', ',', "isn't", 'it', '?',
    ]);
    expect(tercomWords('1,000.50 and 1.000,5.')).toEqual(['1,000.50', 'and', '1.000,5', '.']);
    expect(tercomWords('a&amp;b &quot;x&quot;')).toEqual(['a', '&', 'b', '"', 'x', '"']);
  });

  it('gives exactly the words of the regex chain sacrebleu runs, for any text', () => {
    fc.assert(
      fc.property(tercomText, fc.boolean(), (text, caseSensitive) => {
        expect(tercomWords(text, { caseSensitive })).toEqual(referenceTercomWords(text, true, caseSensitive));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(tercomWords(text)).toEqual(referenceTercomWords(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('treats every UTF-16 code as the regex chain does (whitespace, punctuation, the rest)', () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const text = `a${String.fromCharCode(c)}b 1${String.fromCharCode(c)}2`;
      for (const normalize of [true, false]) {
        const got = tercomWords(text, { normalize });
        const expected = referenceTercomWords(text, normalize);
        if (got.length !== expected.length || got.some((word, k) => word !== expected[k])) differing.push(`${c.toString(16)} ${normalize}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('gives the words of the regex chain on every line of the shared corpus', () => {
    for (const file of ['mt.txt', 'pe.txt', 'src.txt']) {
      for (const line of readFileSync(new URL(file, APE), 'utf8').split('\n')) {
        expect(tercomWords(line)).toEqual(referenceTercomWords(line));
      }
    }
  });

  it('without normalization splits on whitespace only, and can ignore case', () => {
    expect(tercomWords('Hello, World !', { normalize: false })).toEqual(['Hello,', 'World', '!']);
    expect(tercomWords('Hello, World', { normalize: false, caseSensitive: false })).toEqual(['hello,', 'world']);
    expect(tercomWords('')).toEqual([]);
  });
});

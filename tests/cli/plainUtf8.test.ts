import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHasText, segmentLines } from '../../cli/commands/metricsFigures';
import { Utf8Lines, readPlainUtf8, utf8Lines } from '../../cli/plainUtf8';

const dir = mkdtempSync(join(tmpdir(), 'redline-plain-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Line breaks of every kind, blanks, the byte-order mark's character, and text of one, two, three and four bytes.
const text = fc
  .array(fc.constantFrom('a', 'Ä', '中', '😀', ' ', '\t', '\n', '\r', '\r\n', '\n\n', '\ufeff', '\u00a0', 'line'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('utf8Lines: the lines of plain UTF-8, each decoded on its own', () => {
  it('gives the lines segmentLines gives of the decoded text, and the same verdict on blank text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const bytes = new TextEncoder().encode(t);
        const lines = utf8Lines(bytes);
        // As the metrics entry reads them: each line decoded when asked for.
        const lazy = new Utf8Lines(bytes);
        expect(lazy.length).toBe(lines.length);
        expect(lazy.at(lines.length)).toBeUndefined();
        let expected: string[] | 'empty';
        try {
          expected = segmentLines(t, 'x.txt');
        } catch {
          expected = 'empty';
        }
        if (expected === 'empty') expect(() => checkHasText(lazy, 'x.txt')).toThrow(/x\.txt is empty/);
        else {
          expect(lines).toEqual(expected);
          expect(() => checkHasText(lazy, 'x.txt')).not.toThrow();
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a file with its byte-order mark left out, and refuses what is not plain UTF-8', () => {
    const file = (name: string, bytes: number[]) => {
      const path = join(dir, name);
      writeFileSync(path, Uint8Array.from(bytes));
      return path;
    };
    expect(utf8Lines(readPlainUtf8(file('bom.txt', [0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xc3, 0xa4, 0x0a]))!)).toEqual(['a', 'ä']);
    expect(readPlainUtf8(file('latin1.txt', [0x61, 0xe4, 0x0a]))).toBeNull();
    expect(readPlainUtf8(file('surrogate.txt', [0xed, 0xa0, 0x80]))).toBeNull();
    expect(readPlainUtf8(file('utf16.txt', [0xff, 0xfe, 0x61, 0x00]))).toBeNull();
    expect(readPlainUtf8(file('nul.txt', [0x61, 0x00, 0x62]))).toBeNull();
  });
});

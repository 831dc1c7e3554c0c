import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import opentype from 'opentype.js';
import { describe, expect, it } from 'vitest';
import { TAG_BASE, tagChar } from '../../core/formats/types';
import { TAG_GLYPHS, tagGlyph } from '../../scripts/build-tag-font';

const committed = readFileSync(join(__dirname, '..', '..', 'renderer', 'assets', 'tag-chips.otf'));
const font = opentype.parse(committed.buffer.slice(committed.byteOffset, committed.byteOffset + committed.byteLength));

/** Where each stroke of a path ends: the font stores the curves as cubic ones, drawn as quadratic. */
const ends = (path: opentype.Path) => path.commands.map((c) => (c.type === 'Z' ? 'Z' : `${Math.round(c.x)},${Math.round(c.y)}`));

describe('the tag font', () => {
  it('has a glyph for each of the first 256 tag characters, and none for other text', () => {
    for (let n = 0; n < TAG_GLYPHS; n++) expect(font.hasChar(tagChar(n)), `tag ${n + 1}`).toBe(true);
    expect(font.hasChar(tagChar(TAG_GLYPHS))).toBe(false);
    expect(font.hasChar('a')).toBe(false);
    expect(font.hasChar('1')).toBe(false);
  });

  it('is what the script draws now (the committed file was rebuilt after the last change to the drawing)', () => {
    for (const n of [0, 1, 8, 9, 41, 99, 255]) {
      const stored = font.charToGlyph(String.fromCharCode(TAG_BASE + n));
      const drawn = tagGlyph(n);
      expect(stored.advanceWidth).toBe(drawn.advanceWidth);
      expect(ends(stored.path)).toEqual(ends(drawn.path));
    }
  });

  it('draws wider boxes for longer numbers, each with the box and the digits as contours', () => {
    const width = (n: number) => font.charToGlyph(tagChar(n)).advanceWidth!;
    expect(width(0)).toBe(width(8)); // 1 and 9
    expect(width(9)).toBeGreaterThan(width(8)); // 10
    expect(width(99)).toBeGreaterThan(width(98)); // 100
    // tag 1: the box's outer and inner edges, then the digit 1's five runs of pixels
    const contours = font.charToGlyph(tagChar(0)).path.commands.filter((c) => c.type === 'Z').length;
    expect(contours).toBe(2 + 5);
  });
});

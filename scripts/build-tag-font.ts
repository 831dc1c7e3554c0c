/**
 * Builds renderer/assets/tag-chips.otf: a font with one glyph for each of the first 256 inline-tag characters
 * (core/formats/types.ts), a numbered box: U+E000 draws as [1], U+E001 as [2] … The correction is a plain
 * textarea, which cannot draw a chip; with this font first in the editor's stack (its unicode-range is the tag
 * characters alone) the field shows each tag as the same numbered atom the source and MT show, instead of the
 * missing-glyph box every tag shared. The textarea and its backdrop use the same font, so they stay aligned.
 *
 * Run `npx tsx scripts/build-tag-font.ts` after changing the drawing; the font is committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import opentype from 'opentype.js';
import { TAG_BASE } from '../core/formats/types';

export const TAG_GLYPHS = 256;
const OUT = join(__dirname, '..', 'renderer', 'assets', 'tag-chips.otf');

const EM = 1000;
/** One pixel of the digits; a digit is 3 × 5 of them. */
const PX = 124;
const DIGIT_GAP = PX;
const BOX_BOTTOM = -160;
const BOX_TOP = 840;
const STROKE = 50;
const RADIUS = 140;
const PAD_X = 110;
const SIDE_BEARING = 40;

// prettier-ignore
const DIGITS: Record<string, string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '.##', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '..#', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
};

/** A rounded rectangle; `inward` draws it the other way round, to cut a hole in the one around it. */
function roundedRect(path: opentype.Path, x0: number, y0: number, x1: number, y1: number, r: number, inward: boolean): void {
  const corners: Array<[number, number, number, number, number, number]> = [
    // each corner: where the straight edge before it ends, the corner, where the next edge starts
    [x1 - r, y0, x1, y0, x1, y0 + r],
    [x1, y1 - r, x1, y1, x1 - r, y1],
    [x0 + r, y1, x0, y1, x0, y1 - r],
    [x0, y0 + r, x0, y0, x0 + r, y0],
  ];
  const order = inward ? [...corners].reverse().map(([a, b, cx, cy, c, d]) => [c, d, cx, cy, a, b] as const) : corners;
  const [first] = order;
  path.moveTo(first![0], first![1]);
  for (const [ax, ay, cx, cy, bx, by] of order) {
    path.lineTo(ax, ay);
    path.quadraticCurveTo(cx, cy, bx, by);
  }
  path.close();
}

/** The digits' pixels, one rectangle per run of a row (overlapping a hair, so no seam shows between rows). */
function drawDigits(path: opentype.Path, label: string, left: number, bottom: number): void {
  [...label].forEach((digit, d) => {
    const x = left + d * (3 * PX + DIGIT_GAP);
    DIGITS[digit]!.forEach((row, r) => {
      const y1 = bottom + (5 - r) * PX + 1;
      const y0 = y1 - PX - 2;
      for (let c = 0; c < 3; c++) {
        if (row[c] !== '#') continue;
        let end = c;
        while (end + 1 < 3 && row[end + 1] === '#') end++;
        // Counter-clockwise like the outer box, so the pixels fill inside its hole.
        path.moveTo(x + c * PX, y0);
        path.lineTo(x + (end + 1) * PX, y0);
        path.lineTo(x + (end + 1) * PX, y1);
        path.lineTo(x + c * PX, y1);
        path.close();
        c = end;
      }
    });
  });
}

export function tagGlyph(n: number): opentype.Glyph {
  const label = String(n + 1);
  const digitsWidth = label.length * 3 * PX + (label.length - 1) * DIGIT_GAP;
  const x0 = SIDE_BEARING;
  const x1 = x0 + 2 * PAD_X + digitsWidth;
  const path = new opentype.Path();
  roundedRect(path, x0, BOX_BOTTOM, x1, BOX_TOP, RADIUS, false);
  roundedRect(path, x0 + STROKE, BOX_BOTTOM + STROKE, x1 - STROKE, BOX_TOP - STROKE, RADIUS - STROKE, true);
  const digitsBottom = (BOX_BOTTOM + BOX_TOP) / 2 - (5 * PX) / 2;
  drawDigits(path, label, x0 + PAD_X, digitsBottom);
  return new opentype.Glyph({
    name: `tag${n + 1}`,
    unicode: TAG_BASE + n,
    advanceWidth: x1 + SIDE_BEARING,
    path,
  });
}

export function buildTagFont(): opentype.Font {
  const notdef = new opentype.Glyph({ name: '.notdef', unicode: 0, advanceWidth: 500, path: new opentype.Path() });
  const glyphs = [notdef, ...Array.from({ length: TAG_GLYPHS }, (_, n) => tagGlyph(n))];
  return new opentype.Font({
    familyName: 'Redline Tags',
    styleName: 'Regular',
    unitsPerEm: EM,
    ascender: 900,
    descender: -250,
    glyphs,
  });
}

if (require.main === module) {
  writeFileSync(OUT, Buffer.from(buildTagFont().toArrayBuffer()));
  console.log(`wrote ${OUT}`);
}

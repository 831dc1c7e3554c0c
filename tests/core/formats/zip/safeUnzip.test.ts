import { readFileSync } from 'node:fs';
import { zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipEntries } from '../../../../core/formats/zip/zipEntries';
import {
  MAX_ZIP_ENTRIES,
  MAX_ZIP_RATIO,
  MAX_ZIP_UNCOMPRESSED_BYTES,
  safeUnzip,
  ZIP_RATIO_FLOOR,
} from '../../../../core/formats/zip/safeUnzip';
import { badInput } from '../../../support/thrown';

/** `size` bytes packing about `ratio`:1 — an incompressible head of size/ratio random bytes, then zeros. */
function bytesPacking(size: number, ratio: number): Uint8Array {
  const out = new Uint8Array(size);
  let state = 2463534242;
  for (let i = 0; i < Math.floor(size / ratio); i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}

const ratioOf = (data: Uint8Array): number => {
  const zip = zipSync({ x: [data, { level: 6 }] });
  return data.length / (zip.length - 100);
};

describe('safeUnzip', () => {
  it('gives back every entry in order, with its stored flag', () => {
    const zip = zipSync({ 'a.xml': new TextEncoder().encode('<a/>'), 'b.png': [new Uint8Array([1, 2, 3]), { level: 0 }] });
    const entries = safeUnzip(zip, 'x.docx');
    expect(entries.map((e) => [e.name, Array.from(e.data).length, e.stored])).toEqual([
      ['a.xml', 4, false],
      ['b.png', 3, true],
    ]);
  });

  it('refuses a package naming one part twice, saying which', () => {
    const part = { name: 'word/document.xml', data: new TextEncoder().encode('<w/>'), stored: false };
    expect(badInput(() => safeUnzip(zipEntries([part, { ...part, data: new TextEncoder().encode('<x/>') }]), 'x.docx'))).toBe(
      'x.docx is refused: it holds two parts named word/document.xml.',
    );
  });

  it(`reads ${MAX_ZIP_ENTRIES} entries and refuses one more`, () => {
    const files = (count: number): Zippable =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, new Uint8Array(1)]));
    expect(safeUnzip(zipSync(files(MAX_ZIP_ENTRIES)), 'x.docx')).toHaveLength(MAX_ZIP_ENTRIES);
    expect(badInput(() => safeUnzip(zipSync(files(MAX_ZIP_ENTRIES + 1)), 'x.docx'))).toBe(
      `x.docx is refused: it holds more than ${MAX_ZIP_ENTRIES.toLocaleString('en')} parts (the limit for a package).`,
    );
  }, 30_000);

  it(`unpacks up to ${MAX_ZIP_UNCOMPRESSED_BYTES / 1024 / 1024} MB in all and refuses a byte more`, () => {
    const part = MAX_ZIP_UNCOMPRESSED_BYTES / 8;
    const files: Zippable = {};
    for (let i = 0; i < 8; i++) files[`p${i}`] = [new Uint8Array(part), { level: 0 }];
    expect(safeUnzip(zipSync(files), 'x.docx')).toHaveLength(8);
    files.extra = [new Uint8Array(1), { level: 0 }];
    expect(badInput(() => safeUnzip(zipSync(files), 'x.docx'))).toMatch(/unpacks to more than 128 MB \(the limit/);
  }, 30_000);

  it(`accepts an entry packed up to ${MAX_ZIP_RATIO}:1 and refuses one packed tighter`, () => {
    const size = 2 * ZIP_RATIO_FLOOR;
    const under = bytesPacking(size, MAX_ZIP_RATIO * 0.9);
    const over = bytesPacking(size, MAX_ZIP_RATIO * 1.5);
    expect(ratioOf(under)).toBeLessThan(MAX_ZIP_RATIO);
    expect(ratioOf(over)).toBeGreaterThan(MAX_ZIP_RATIO);
    expect(Buffer.from(safeUnzip(zipSync({ part: under }), 'x.docx')[0]?.data ?? []).equals(under)).toBe(true);
    expect(badInput(() => safeUnzip(zipSync({ part: over }), 'x.docx'))).toBe(
      `x.docx is refused: its directory says part part unpacks to more than ${MAX_ZIP_RATIO} times its packed size (the limit): the archive is damaged, or a ZIP bomb.`,
    );
  }, 30_000);

  it(`never refuses an entry of ${ZIP_RATIO_FLOOR} bytes or less for its ratio`, () => {
    expect(safeUnzip(zipSync({ zeros: new Uint8Array(ZIP_RATIO_FLOOR) }), 'x.docx')).toHaveLength(1);
    expect(badInput(() => safeUnzip(zipSync({ zeros: new Uint8Array(ZIP_RATIO_FLOOR + 1) }), 'x.docx'))).toMatch(
      /damaged, or a ZIP bomb/,
    );
  }, 30_000);

  it('stops inflating at the first byte past what a lying header claims', () => {
    const zip = zipSync({ bomb: new Uint8Array(ZIP_RATIO_FLOOR) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Claim 10 bytes in both the local header (offset 22) and the central directory entry (offset 24).
    view.setUint32(22, 10, true);
    for (let at = 0; at < zip.length - 4; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 10, true);
    expect(badInput(() => safeUnzip(zip, 'x.docx'))).toBe(
      'x.docx is refused: its part bomb unpacks to more than its header says (10 bytes).',
    );
  });

  it('refuses a damaged archive with a message, not a crash', () => {
    const zip = zipSync({ 'word/document.xml': new Uint8Array(5000).fill(65) });
    expect(badInput(() => safeUnzip(zip.subarray(0, zip.length - 30), 'x.docx'))).toBe(
      'x.docx is not a .docx file: its ZIP archive is damaged: it has no end record (is the end of the file missing?).',
    );
  });

  it('refuses a part whose bytes do not match its CRC-32, rather than reading other text', () => {
    const text = new TextEncoder().encode('<w:t>Quarterly report</w:t>');
    const zip = zipSync({ '[Content_Types].xml': new Uint8Array(10).fill(60), 'word/document.xml': [text, { level: 0 }] });
    expect(safeUnzip(zip, 'ok.docx').map((e) => e.name)).toEqual(['[Content_Types].xml', 'word/document.xml']);
    // A stored part's last byte (just before the central directory) changed: it would read as other text.
    const flipped = zip.slice();
    flipped[new DataView(zip.buffer, zip.byteOffset).getUint32(zip.length - 22 + 16, true) - 1]! ^= 0x01;
    expect(badInput(() => safeUnzip(flipped, 'flip.docx'))).toBe('flip.docx is damaged: its part word/document.xml does not match its checksum (CRC-32).');
  });

  it('reads ZIP64 local headers (sizes in their extra field), as Python’s zipfile writes them', () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/zip64-local-headers.docx', import.meta.url)));
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(18, true)).toBe(0xffffffff); // the first local header's packed size: see the extra field
    expect(safeUnzip(bytes, 'zip64.docx').map((e) => e.name)).toContain('word/document.xml');
  });
});

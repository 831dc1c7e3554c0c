import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { RedlineError } from '../../../../core/model/errors';
import { archiveStart } from '../../../../core/formats/zip/archiveStart';
import { safeUnzip } from '../../../../core/formats/zip/safeUnzip';
import { concat } from '../../../../core/formats/zip/zipEntries';
import { badInput } from '../../../support/thrown';

const PACKAGE = zipSync({
  '[Content_Types].xml': strToU8('<Types/>'),
  'word/document.xml': strToU8('<w:document>'.padEnd(4000, ' ') + '</w:document>'),
  'word/media/image1.png': [new Uint8Array([137, 80, 78, 71, 1, 2, 3]), { level: 0 }],
});

const join = (...parts: Uint8Array[]): Uint8Array => concat(parts);

const parts = (bytes: Uint8Array): Array<[string, number[], boolean]> =>
  safeUnzip(bytes, 'x.docx').map((entry) => [entry.name, Array.from(entry.data), entry.stored]);

/** PACKAGE written with ZIP64 end records (as some writers do for any size), offsets as if it started at 0. */
function withZip64End(zip: Uint8Array): Uint8Array {
  const end = zip.length - 22;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  const record = new Uint8Array(56 + 20);
  const out = new DataView(record.buffer);
  out.setUint32(0, 0x06064b50, true);
  out.setUint32(4, 44, true); // the record's size after this field
  out.setUint16(12, 45, true);
  out.setUint16(14, 45, true);
  out.setUint32(24, count, true);
  out.setUint32(32, count, true);
  out.setUint32(40, size, true);
  out.setUint32(48, offset, true);
  out.setUint32(56, 0x07064b50, true);
  out.setUint32(56 + 8, end, true); // where the ZIP64 record is
  out.setUint32(56 + 16, 1, true); // disks
  const tail = zip.slice(end);
  const tailView = new DataView(tail.buffer);
  tailView.setUint16(10, 0xffff, true);
  tailView.setUint32(12, 0xffffffff, true);
  tailView.setUint32(16, 0xffffffff, true);
  return join(zip.subarray(0, end), record, tail);
}

/** Where the last central directory entry starts. */
function lastDirectoryEntry(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = zip.length - 46; at >= 0; at--) if (view.getUint32(at, true) === 0x02014b50) return at;
  throw new Error('no central directory entry');
}

describe('archiveStart', () => {
  it('is 0 for an archive from the first byte', () => {
    expect(archiveStart(PACKAGE)).toEqual({ ok: true, offset: 0 });
  });

  it('reads the same parts whatever bytes come before the archive', () => {
    const expected = parts(PACKAGE);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (prefix) => {
        const bytes = join(prefix, PACKAGE);
        expect(archiveStart(bytes)).toEqual({ ok: true, offset: prefix.length });
        expect(parts(bytes)).toEqual(expected);
      }),
    );
  });

  it('reads a prefix that looks like ZIP headers itself', () => {
    const prefix = join(strToU8('PK\x03\x04'), zipSync({ 'decoy.xml': strToU8('<decoy/>') }).subarray(0, 40), strToU8('PK\x01\x02'));
    expect(parts(join(prefix, PACKAGE))).toEqual(parts(PACKAGE));
  });

  it('reads a ZIP64 end record, before and after a prefix', () => {
    const zip64 = withZip64End(PACKAGE);
    expect(archiveStart(zip64)).toEqual({ ok: true, offset: 0 });
    expect(parts(zip64)).toEqual(parts(PACKAGE));
    const prefixed = join(strToU8('MZ self-extractor stub'), zip64);
    expect(archiveStart(prefixed)).toEqual({ ok: true, offset: 22 });
    expect(parts(prefixed)).toEqual(parts(PACKAGE));
  });

  it('says what is wrong with a cut or garbled file, never that it is a ZIP bomb without saying it may be damaged', () => {
    expect(badInput(() => safeUnzip(strToU8('Just some text.'), 'x.docx'))).toBe('x.docx is not a .docx file: it is not a ZIP archive.');
    expect(badInput(() => safeUnzip(PACKAGE.subarray(0, PACKAGE.length - 30), 'x.docx'))).toBe(
      'x.docx is not a .docx file: its ZIP archive is damaged: it has no end record (is the end of the file missing?).',
    );
    expect(badInput(() => safeUnzip(PACKAGE.subarray(100), 'x.docx'))).toBe(
      'x.docx is not a .docx file: its ZIP archive is damaged: its central directory is not where its end record says (is the start of the file missing?).',
    );
    // One damaged byte in a size a header claims: the headers disagree, which is damage, not a ZIP bomb.
    const claim = PACKAGE.slice();
    const entry = lastDirectoryEntry(claim);
    claim[entry + 26] = 0x10; // the central directory's unpacked size of image1.png, now over a megabyte
    expect(badInput(() => safeUnzip(claim, 'x.docx'))).toBe(
      'x.docx is not a .docx file: its ZIP archive is damaged: the two headers of its part word/media/image1.png give different sizes.',
    );
    // Every single damaged bit, and random ones behind a prefix.
    const bombs: string[] = [];
    for (let at = 0; at < PACKAGE.length; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const garbled = PACKAGE.slice();
        garbled[at] = garbled[at]! ^ (1 << bit);
        try {
          safeUnzip(garbled, 'x.docx');
        } catch (error) {
          expect(error).toBeInstanceOf(RedlineError);
          if (/bomb/i.test((error as Error).message)) bombs.push(`byte ${at}, bit ${bit}: ${(error as Error).message}`);
        }
      }
    }
    expect(bombs).toEqual([]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: PACKAGE.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        fc.uint8Array({ maxLength: 100 }),
        (at, flip, prefix) => {
          const garbled = join(prefix, PACKAGE);
          garbled[prefix.length + at] = garbled[prefix.length + at]! ^ flip;
          try {
            safeUnzip(garbled, 'x.docx');
          } catch (error) {
            // A flipped size field in the directory claims what a bomb claims: both are named then.
            const message = (error as Error).message;
            if (/bomb/i.test(message)) expect(message).toMatch(/damaged, or a ZIP bomb/);
          }
        },
      ),
    );
  });
});

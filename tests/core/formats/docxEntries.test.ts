import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxFormat } from '../../../core/formats/docx';
import { archiveComment } from '../../../core/formats/zip/archiveStart';
import { safeUnzip, type ZipEntry as Entry } from '../../../core/formats/zip/safeUnzip';
import { crc32, zipEntries as zipInOrder } from '../../../core/formats/zip/zipEntries';

/**
 * The package a .docx export writes keeps every entry of the original, in its order, whatever its name: a plain
 * object keyed by name loses `__proto__` and moves number-like names (`7`) to the front.
 */

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>Hello there.</w:t></w:r></w:p></w:body></w:document>`;

/** A package with the parts Word needs around extra entries placed among them. */
function packageWith(extra: readonly Entry[]): Entry[] {
  const part = (name: string, xml: string, stored = false): Entry => ({ name, data: strToU8(xml), stored });
  return [
    part('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    ...extra,
    part('word/document.xml', DOCUMENT),
    part('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>', true),
  ];
}

const written = (bytes: Uint8Array, text?: string): Entry[] => {
  const document = docxFormat.parseBytes(bytes, 'names.docx');
  const reviewed = text === undefined ? [] : [{ key: document.units[0]!.key, text, status: 'edited' as const }];
  return safeUnzip(docxFormat.writeBytes(document, reviewed), 'out.docx');
};

describe('docx: package entries on export', () => {
  it('keeps an entry named __proto__ and number-like names, in the original order', () => {
    const entries = packageWith([
      { name: '__proto__', data: strToU8('proto'), stored: false },
      { name: '7', data: strToU8('seven'), stored: true },
      { name: 'constructor', data: strToU8('c'), stored: false },
    ]);
    const out = written(zipInOrder(entries));
    expect(out.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(out.map((e) => [e.data, e.stored])).toEqual(entries.map((e) => [e.data, e.stored]));
  });

  it('keeps every entry and its order when a sentence is edited', () => {
    const entries = packageWith([{ name: '1', data: strToU8('one'), stored: false }]);
    const out = written(zipInOrder(entries), 'Hello, world.');
    expect(out.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    expect(new TextDecoder().decode(out.find((e) => e.name === 'word/document.xml')!.data)).toContain('Hello, world.');
  });

  it('property: any entry names, any order, come back as they were (names, bytes, stored or deflated)', () => {
    const name = fc.oneof(
      fc.constantFrom('__proto__', 'constructor', 'toString', '0', '7', '1/', '10', 'a/b.bin', 'hasOwnProperty'),
      fc.stringMatching(/^[A-Za-z0-9_./-]{1,12}$/),
    );
    const entry = fc.record({ name, data: fc.uint8Array({ maxLength: 40 }), stored: fc.boolean() });
    const reserved = new Set(['[Content_Types].xml', 'word/document.xml', '_rels/.rels']);
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.name, maxLength: 8 }), (extra) => {
        fc.pre(extra.every((e) => !reserved.has(e.name)));
        const entries = packageWith(extra);
        const out = written(zipInOrder(entries));
        expect(out.map((e) => e.name)).toEqual(entries.map((e) => e.name));
        expect(out.map((e) => [e.data, e.stored])).toEqual(entries.map((e) => [e.data, e.stored]));
      }),
      { numRuns: 100 },
    );
  });
});

describe('zipEntries: a package stream readers take too', () => {
  it('computes CRC-32 as ZIP does', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('writes each local header complete (sizes and CRC, no data descriptor), one entry right after another', () => {
    const entries = packageWith([
      { name: 'media/image1.png', data: new Uint8Array([137, 80, 78, 71, 1, 2, 3]), stored: true },
      { name: 'word/ünïcode.xml', data: strToU8('<x/>'.repeat(50)), stored: false },
    ]);
    const bytes = zipInOrder(entries);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let at = 0;
    for (const entry of entries) {
      // Read as a stream reader does: header, name, data, and the next header straight after.
      expect(view.getUint32(at, true)).toBe(0x04034b50);
      const flags = view.getUint16(at + 6, true);
      expect(flags & 0x0008).toBe(0);
      expect(flags & 0x0800).toBe(/^[\x20-\x7e]*$/.test(entry.name) ? 0 : 0x0800);
      expect(view.getUint16(at + 8, true)).toBe(entry.stored ? 0 : 8);
      expect(view.getUint32(at + 14, true)).toBe(crc32(entry.data));
      expect(view.getUint32(at + 22, true)).toBe(entry.data.length);
      const nameLength = view.getUint16(at + 26, true);
      expect(new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength))).toBe(entry.name);
      at += 30 + nameLength + view.getUint32(at + 18, true);
    }
    expect(view.getUint32(at, true)).toBe(0x02014b50); // the central directory follows the last entry
    expect(safeUnzip(bytes, 'p.zip').map((e) => [e.name, e.data, e.stored])).toEqual(entries.map((e) => [e.name, e.data, e.stored]));
  });
});

describe('docx: the archive comment', () => {
  it('is kept by an export, untouched or edited', () => {
    const comment = strToU8('Signed off by the client, 2026-11-30 — keep as sent.');
    const original = zipInOrder(packageWith([]), new Date(2020, 0, 1), comment);
    expect(archiveComment(original)).toEqual(comment);
    const document = docxFormat.parseBytes(original, 'comment.docx');
    expect(archiveComment(docxFormat.writeBytes(document, []))).toEqual(comment);
    const edited = docxFormat.writeBytes(document, [{ key: document.units[0]!.key, text: 'Hello, world.', status: 'edited' }]);
    expect(archiveComment(edited)).toEqual(comment);
    expect(new TextDecoder().decode(safeUnzip(edited, 'out.docx').find((e) => e.name === 'word/document.xml')!.data)).toContain('Hello, world.');
  });

  it('is empty for a package without one', () => {
    expect(archiveComment(zipInOrder(packageWith([])))).toEqual(new Uint8Array(0));
  });
});

describe('docx: entry times on export', () => {
  /** Each entry's MS-DOS time and date, from its local header and from the central directory, by name. */
  const times = (bytes: Uint8Array) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const name = (at: number, length: number) => new TextDecoder().decode(bytes.subarray(at, at + length));
    const end = bytes.length - 22; // no archive comment in these
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    const local: Record<string, [number, number]> = {};
    const central: Record<string, [number, number]> = {};
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < view.getUint16(end + 10, true); i++) {
      const nameLength = view.getUint16(at + 28, true);
      const entry = name(at + 46, nameLength);
      central[entry] = [view.getUint16(at + 12, true), view.getUint16(at + 14, true)];
      const header = view.getUint32(at + 42, true);
      local[entry] = [view.getUint16(header + 10, true), view.getUint16(header + 12, true)];
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    expect(local).toEqual(central);
    return central;
  };
  const original = zipSync({
    '[Content_Types].xml': [strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), { mtime: new Date(2019, 2, 4, 5, 6, 8) }],
    'word/document.xml': [strToU8(DOCUMENT), { mtime: new Date(1990, 0, 1, 0, 0, 0) }],
    'word/media/image1.png': [new Uint8Array([137, 80, 78, 71]), { level: 0, mtime: new Date(2021, 11, 31, 23, 59, 58) }],
  });

  it('keeps the time and date of every entry it copies, untouched or not', () => {
    const before = times(original);
    const document = docxFormat.parseBytes(original, 'times.docx');
    expect(times(docxFormat.writeBytes(document, []))).toEqual(before);
    const edited = times(docxFormat.writeBytes(document, [{ key: document.units[0]!.key, text: 'Hello, world.', status: 'edited' }]));
    expect(edited['[Content_Types].xml']).toEqual(before['[Content_Types].xml']);
    expect(edited['word/media/image1.png']).toEqual(before['word/media/image1.png']);
    // The rewritten part is dated when it was written, not in 1990.
    expect(edited['word/document.xml']).not.toEqual(before['word/document.xml']);
  });
});

describe('docx: unchanged entries copied as packed', () => {
  /** Each entry's method and packed bytes, by name, as the central directory and local headers place them. */
  const packedBodies = (bytes: Uint8Array) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = bytes.length - 22; // no archive comment in these
    const out: Record<string, [number, number[]]> = {};
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < view.getUint16(end + 10, true); i++) {
      const nameLength = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      const header = view.getUint32(at + 42, true);
      const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
      out[name] = [view.getUint16(at + 10, true), [...bytes.subarray(start, start + view.getUint32(at + 20, true))]];
      at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return out;
  };
  // Packed at level 1 and 9, which Redline's own level 6 would not reproduce byte for byte.
  const image = Uint8Array.from({ length: 20_000 }, (_, k) => (k * k) % 251);
  const original = zipSync({
    '[Content_Types].xml': [strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), { level: 9 }],
    'word/document.xml': [strToU8(DOCUMENT), { level: 1 }],
    'word/media/image1.bin': [image, { level: 1 }],
    'word/media/image2.png': [image, { level: 0 }],
  });

  it('writes an untouched package back with every entry’s packed bytes as they were', () => {
    const document = docxFormat.parseBytes(original, 'packed.docx');
    expect(packedBodies(docxFormat.writeBytes(document, []))).toEqual(packedBodies(original));
  });

  it('packs again only the part an edit rewrote, from the skeleton as the store keeps it', () => {
    const document = JSON.parse(JSON.stringify(docxFormat.parseBytes(original, 'packed.docx'))) as ReturnType<typeof docxFormat.parseBytes>;
    const out = docxFormat.writeBytes(document, [{ key: document.units[0]!.key, text: 'Hello, world.', status: 'edited' }]);
    const before = packedBodies(original);
    const after = packedBodies(out);
    for (const name of ['[Content_Types].xml', 'word/media/image1.bin', 'word/media/image2.png']) expect(after[name]).toEqual(before[name]);
    expect(after['word/document.xml']).not.toEqual(before['word/document.xml']);
    const parts = safeUnzip(out, 'out.docx');
    expect(parts.find((e) => e.name === 'word/media/image1.bin')!.data).toEqual(image);
    expect(new TextDecoder().decode(parts.find((e) => e.name === 'word/document.xml')!.data)).toContain('Hello, world.');
  });

  it('reads no packed bytes from an entry whose local header names another', () => {
    const bytes = zipSync({ 'a.xml': strToU8('<a/>'.repeat(20)), 'b.xml': strToU8('<b/>'.repeat(20)) });
    // Point the directory's first record at the second entry's local header.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const directory = view.getUint32(bytes.length - 22 + 16, true);
    const second = directory + 46 + view.getUint16(directory + 28, true) + view.getUint16(directory + 30, true) + view.getUint16(directory + 32, true);
    const crooked = bytes.slice();
    new DataView(crooked.buffer).setUint32(directory + 42, view.getUint32(second + 42, true), true);
    const entries = safeUnzip(crooked, 'crooked.zip');
    expect(entries.find((e) => e.name === 'a.xml')?.packed).toBeUndefined();
    expect(entries.find((e) => e.name === 'b.xml')?.packed).toBeDefined();
  });
});

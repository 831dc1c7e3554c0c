import { deflateSync, strToU8 } from 'fflate';
import type { DosTime, ZipEntry } from './safeUnzip';

/**
 * Writes a ZIP package of the entries in the order given, every header with the entry's real sizes and CRC.
 * fflate's zipSync takes an object keyed by name, which loses an entry named `__proto__` and puts number-like
 * names (`7`) first; its streaming writer keeps them but puts the sizes in a data descriptor after each entry,
 * which stream readers (Java's ZipInputStream, commons-compress) refuse on stored entries. All the data is in
 * memory, so each entry is compressed first and its local header written complete. Stored entries stay stored.
 * No ZIP64: a package this large is refused on import (safeUnzip's limits) long before 4 GB. An entry keeps
 * the time it was last modified when it has one (`modified`, as read); the others get `now`. An entry that
 * brings its packed bytes (`packed`, as read) is written with them, not compressed again. `comment` is the
 * archive's comment (archiveComment of the package rewritten), at most 65,535 bytes.
 */
export function zipEntries(entries: readonly ZipEntry[], now: Date = new Date(), comment: Uint8Array = new Uint8Array(0)): Uint8Array {
  const written = dosDateTime(now);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    // An entry read from a package and not changed goes back packed as it came (safeUnzip: `packed`).
    const packed = entry.packed?.method === (entry.stored ? 0 : 8) ? entry.packed : undefined;
    const body = packed ? packed.body : entry.stored ? entry.data : deflateSync(entry.data, { level: 6 });
    const { time, date } = entry.modified ?? written;
    const fields: HeaderFields = {
      // bit 11: the name is UTF-8
      flags: /^[\x20-\x7e]*$/.test(entry.name) ? 0 : 0x0800,
      method: entry.stored ? 0 : 8,
      time,
      date,
      crc: packed ? packed.crc : crc32(entry.data),
      compressedSize: body.length,
      size: entry.data.length,
      name,
    };
    const local = localHeader(fields);
    locals.push(local, body);
    centrals.push(centralHeader(fields, offset));
    offset += local.length + body.length;
  }
  const directorySize = centrals.reduce((size, header) => size + header.length, 0);
  return concat([...locals, ...centrals, endOfDirectory(entries.length, directorySize, offset, comment.subarray(0, 0xffff))]);
}

interface HeaderFields {
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  name: Uint8Array;
}

function localHeader(f: HeaderFields): Uint8Array {
  const out = new Uint8Array(30 + f.name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x04034b50, true);
  entryFields(view, 4, f);
  view.setUint16(28, 0, true); // no extra field
  out.set(f.name, 30);
  return out;
}

function centralHeader(f: HeaderFields, offset: number): Uint8Array {
  const out = new Uint8Array(46 + f.name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x02014b50, true);
  view.setUint16(4, 20, true); // made by: 2.0, MS-DOS attributes
  entryFields(view, 6, f);
  // extra, comment, disk number, internal and external attributes: all zero
  view.setUint32(42, offset, true);
  out.set(f.name, 46);
  return out;
}

/** What the local and the central header both say of an entry, in the same order: version needed … name length. */
function entryFields(view: DataView, at: number, f: HeaderFields): void {
  view.setUint16(at, 20, true); // version needed: 2.0
  view.setUint16(at + 2, f.flags, true);
  view.setUint16(at + 4, f.method, true);
  view.setUint16(at + 6, f.time, true);
  view.setUint16(at + 8, f.date, true);
  view.setUint32(at + 10, f.crc, true);
  view.setUint32(at + 14, f.compressedSize, true);
  view.setUint32(at + 18, f.size, true);
  view.setUint16(at + 22, f.name.length, true);
}

function endOfDirectory(count: number, size: number, offset: number, comment: Uint8Array): Uint8Array {
  const out = new Uint8Array(22 + comment.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, count, true);
  view.setUint16(10, count, true);
  view.setUint32(12, size, true);
  view.setUint32(16, offset, true);
  view.setUint16(20, comment.length, true);
  out.set(comment, 22);
  return out;
}

/** MS-DOS date and time, as ZIP headers hold them (local time, two-second steps, from 1980). */
function dosDateTime(at: Date): DosTime {
  const year = Math.min(Math.max(at.getFullYear(), 1980), 2107);
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | (at.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as ZIP uses it). */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The parts one after another in one array. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

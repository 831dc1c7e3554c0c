import { strFromU8 } from 'fflate';

/**
 * Where a ZIP archive starts in a file. Self-extracting archives and some mail gateways put bytes before the
 * archive without adjusting its offsets, so every offset it holds is short by the length of that prefix. As
 * unzip and 7-Zip do, the prefix is measured from where the central directory actually ends (right before the
 * end record) against where the end record says it begins; cutting the prefix off makes the offsets right
 * again. The directory's entries are walked to check they are all there, each with its local header, so that
 * what a reader takes from them (names, sizes) was written as such and not read out of misplaced bytes.
 */

export type ArchiveStart =
  | { ok: true; offset: number }
  /** `notZip`: there is no end record at all; otherwise the archive is there but damaged, `why` says how. */
  | { ok: false; notZip: boolean; why: string };

const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
/** General-purpose flags: the sizes and CRC follow the data (bit 3); the name is UTF-8 (bit 11). */
const SIZES_AFTER_DATA = 0x0008;
const UTF8_NAME = 0x0800;
/** A 32-bit field that says "see the ZIP64 extra field". */
export const ZIP64_MARK = 0xffffffff;
const END_RECORD = 0x06054b50;
const END_RECORD_SIZE = 22;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_END_RECORD = 0x06064b50;
/** The ZIP64 end record without its (never written in practice) extensible data. */
const ZIP64_END_RECORD_SIZE = 56;
const DIRECTORY_ENTRY = 0x02014b50;
const DIRECTORY_ENTRY_SIZE = 46;
/** The end record is at most its own size plus a 65,535-byte comment from the end. */
const MAX_END_SEARCH = END_RECORD_SIZE + 0xffff;

/** How many bytes come before the archive in `bytes`, or why there is no readable archive. */
export function archiveStart(bytes: Uint8Array): ArchiveStart {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): number => u32(at) + u32(at + 4) * 2 ** 32;
  const damaged = (why: string): ArchiveStart => ({ ok: false, notZip: false, why });

  const end = findEndRecord(bytes, u32);
  if (end < 0) {
    // A file that starts like an archive but has no end record was cut short (an interrupted download or copy).
    const startsLikeOne = bytes.length >= 4 && u32(0) === LOCAL_HEADER;
    return startsLikeOne
      ? damaged('it has no end record (is the end of the file missing?)')
      : { ok: false, notZip: true, why: 'it has no ZIP end record' };
  }

  let count = u16(end + 10);
  let size = u32(end + 12);
  let declared = u32(end + 16);
  let directoryEnd = end;
  const locator = end - ZIP64_LOCATOR_SIZE;
  if (locator >= 0 && u32(locator) === ZIP64_LOCATOR) {
    // The ZIP64 record sits right before its locator; its declared offset is short by the prefix as well.
    const record = [u64(locator + 8), locator - ZIP64_END_RECORD_SIZE].find(
      (at) => at >= 0 && at + ZIP64_END_RECORD_SIZE <= locator && u32(at) === ZIP64_END_RECORD,
    );
    if (record === undefined) return damaged('its ZIP64 end record is missing');
    count = u64(record + 32);
    size = u64(record + 40);
    declared = u64(record + 48);
    directoryEnd = record;
  }

  const directory = directoryEnd - size;
  const prefix = directory - declared;
  if (directory < 0) return damaged('its central directory is larger than the file');
  if (prefix < 0) return damaged('its central directory is not where its end record says (is the start of the file missing?)');
  let at = directory;
  for (let entry = 0; entry < count; entry++) {
    if (at + DIRECTORY_ENTRY_SIZE > directoryEnd || u32(at) !== DIRECTORY_ENTRY) {
      return damaged(`its central directory lists ${count} parts but entry ${entry + 1} is not where it should be`);
    }
    const nameLength = u16(at + 28);
    if (at + DIRECTORY_ENTRY_SIZE + nameLength > directoryEnd) return damaged(`its central directory's last entry runs past its end`);
    const name = () => strFromU8(bytes.subarray(at + DIRECTORY_ENTRY_SIZE, at + DIRECTORY_ENTRY_SIZE + nameLength), !(u16(at + 8) & UTF8_NAME));
    const local = localHeaderMismatch(at, prefix, directory, u16, u32);
    if (local === 'missing') return damaged(`its part ${name()} is not where its central directory says`);
    if (local === 'sizes') return damaged(`the two headers of its part ${name()} give different sizes`);
    at += DIRECTORY_ENTRY_SIZE + nameLength + u16(at + 30) + u16(at + 32);
  }
  if (at > directoryEnd) return damaged(`its central directory's last entry runs past its end`);
  return { ok: true, offset: prefix };
}

/**
 * Why the local header a directory entry points to does not back it (none there, or other sizes), or null. The
 * sizes a reader budgets by (safeUnzip refuses a part that claims to unpack a hundredfold) are then claimed alike
 * by both headers: one damaged byte in either is told as damage, not taken for a ZIP bomb. A local header whose
 * sizes follow the data (bit 3) or are ZIP64's has none to compare.
 */
function localHeaderMismatch(
  entry: number,
  prefix: number,
  directory: number,
  u16: (at: number) => number,
  u32: (at: number) => number,
): 'missing' | 'sizes' | null {
  const offset = u32(entry + 42);
  if (offset === ZIP64_MARK) return null;
  const local = prefix + offset;
  if (local + LOCAL_HEADER_SIZE > directory || u32(local) !== LOCAL_HEADER) return 'missing';
  const packed = u32(entry + 20);
  const size = u32(entry + 24);
  if (u16(local + 6) & SIZES_AFTER_DATA || packed === ZIP64_MARK || size === ZIP64_MARK) return null;
  const [localPacked, localSize] = [u32(local + 18), u32(local + 22)];
  // ZIP64 in the local header only (Python's zipfile writes it so for a part it could not size beforehand): the
  // sizes are in its extra field, which fflate reads.
  if (localPacked === ZIP64_MARK || localSize === ZIP64_MARK) return null;
  // Some writers leave both at zero without setting bit 3: sizes not given, rather than different ones.
  if (localPacked === 0 && localSize === 0) return null;
  return localPacked !== packed || localSize !== size ? 'sizes' : null;
}

/** The archive's comment (bytes after its end record), empty when it has none or no end record is found. */
export function archiveComment(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(bytes, (at) => view.getUint32(at, true));
  if (end < 0) return new Uint8Array(0);
  const length = view.getUint16(end + 20, true);
  const start = end + END_RECORD_SIZE;
  return start + length <= bytes.length ? bytes.slice(start, start + length) : new Uint8Array(0);
}

/** The offset of the last end record within reach of the end (a comment may hold the signature too). */
function findEndRecord(bytes: Uint8Array, u32: (at: number) => number): number {
  const lowest = Math.max(0, bytes.length - MAX_END_SEARCH);
  for (let at = bytes.length - END_RECORD_SIZE; at >= lowest; at--) if (u32(at) === END_RECORD) return at;
  return -1;
}

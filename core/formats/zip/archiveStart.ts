/**
 * Where a ZIP archive starts in a file. Self-extracting archives and some mail gateways put bytes before the
 * archive without adjusting its offsets, so every offset it holds is short by the length of that prefix. As
 * unzip and 7-Zip do, the prefix is measured from where the central directory actually ends (right before the
 * end record) against where the end record says it begins; cutting the prefix off makes the offsets right
 * again. The directory's entries are walked to check they are all there, so that what a reader takes from them
 * (names, sizes) was written as such and not read out of misplaced bytes.
 */

export type ArchiveStart =
  | { ok: true; offset: number }
  /** `notZip`: there is no end record at all; otherwise the archive is there but damaged, `why` says how. */
  | { ok: false; notZip: boolean; why: string };

const LOCAL_HEADER = 0x04034b50;
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
    at += DIRECTORY_ENTRY_SIZE + u16(at + 28) + u16(at + 30) + u16(at + 32);
  }
  if (at > directoryEnd) return damaged(`its central directory's last entry runs past its end`);
  return { ok: true, offset: prefix };
}

/** The offset of the last end record within reach of the end (a comment may hold the signature too). */
function findEndRecord(bytes: Uint8Array, u32: (at: number) => number): number {
  const lowest = Math.max(0, bytes.length - MAX_END_SEARCH);
  for (let at = bytes.length - END_RECORD_SIZE; at >= lowest; at--) if (u32(at) === END_RECORD) return at;
  return -1;
}

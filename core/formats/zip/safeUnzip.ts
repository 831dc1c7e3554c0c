import { strFromU8, Unzip, UnzipInflate, unzipSync } from 'fflate';
import { RedlineError } from '../../model/errors';
import { archiveStart, ZIP64_MARK } from './archiveStart';
import { crc32 } from './zipEntries';

/**
 * Reading a ZIP package (a DOCX) within budgets. A ZIP can claim anything in its headers and deflate packs 1,000
 * to 1 or more, so a 4 MB file can unpack to gigabytes: the central directory's claims are checked before any
 * entry is inflated, and the bytes actually produced are counted while inflating, stopping at the first one over
 * a budget (a header that lies is caught there).
 */

/** The most entries in one package (a Word document has a few dozen, a few hundred with many images). */
export const MAX_ZIP_ENTRIES = 5_000;
/** The most bytes all entries may unpack to together. */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 128 * 1024 * 1024;
/** The highest ratio of unpacked to packed size for one entry larger than ZIP_RATIO_FLOOR when unpacked. */
export const MAX_ZIP_RATIO = 100;
/** Entries this small are never refused for their ratio (a short XML part of repeated tags packs very well). */
export const ZIP_RATIO_FLOOR = 1024 * 1024;

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  maxRatio: number;
  ratioFloor: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: MAX_ZIP_ENTRIES,
  maxUncompressedBytes: MAX_ZIP_UNCOMPRESSED_BYTES,
  maxRatio: MAX_ZIP_RATIO,
  ratioFloor: ZIP_RATIO_FLOOR,
};

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Kept uncompressed in the package (method 0), so it is written back the same way. */
  stored: boolean;
  /** Its last-modified time and date as the central directory gives them (MS-DOS fields), to write back as is. */
  modified?: DosTime;
  /**
   * Its bytes as the archive holds them (deflated or stored) and their CRC, when they could be located: an entry
   * written back unchanged is copied as it was rather than compressed again (the images of a .docx are most of
   * its size, and deflating them again most of the time an export takes).
   */
  packed?: PackedEntry;
}

export interface PackedEntry {
  /** 0: stored; 8: deflated. */
  method: 0 | 8;
  crc: number;
  body: Uint8Array;
}

export interface DosTime {
  time: number;
  date: number;
}

const CHUNK = 64 * 1024;
const MB = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The package's entries in order; a bad_input naming the budget when it is over one, or why it cannot be read. */
export function safeUnzip(file: Uint8Array, name: string, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  // Bytes before the archive (a self-extractor's stub, a gateway's banner) are cut off, so its offsets are right.
  const start = archiveStart(file);
  if (!start.ok) {
    const why = start.notZip ? 'it is not a ZIP archive' : `its ZIP archive is damaged: ${start.why}`;
    throw new RedlineError('bad_input', `${name} is not a .docx file: ${why}.`);
  }
  const bytes = file.subarray(start.offset);
  const refuse = (why: string): RedlineError => new RedlineError('bad_input', `${name} is refused: ${why}.`);
  const overTotal = (): RedlineError =>
    refuse(
      `it unpacks to more than ${MB(limits.maxUncompressedBytes)} (the limit for a package), which is what a ZIP bomb does`,
    );
  const overRatio = (entry: string): RedlineError =>
    refuse(`its part ${entry} unpacks to more than ${limits.maxRatio} times its packed size (the limit), like a ZIP bomb`);
  // What the directory claims may be a damaged size field as well as a bomb: nothing was inflated to tell which.
  const claimsOverTotal = (): RedlineError =>
    refuse(
      `its directory says it unpacks to more than ${MB(limits.maxUncompressedBytes)} (the limit for a package): the archive is damaged, or a ZIP bomb`,
    );
  const claimsOverRatio = (entry: string): RedlineError =>
    refuse(
      `its directory says part ${entry} unpacks to more than ${limits.maxRatio} times its packed size (the limit): the archive is damaged, or a ZIP bomb`,
    );
  const overEntries = (): RedlineError =>
    refuse(`it holds more than ${limits.maxEntries.toLocaleString('en')} parts (the limit for a package)`);

  // 1. The central directory's claims, before inflating anything (unzipSync with a filter refusing every entry
  //    only walks the directory).
  const declared = new Map<string, { size: number; originalSize: number }>();
  let count = 0;
  let declaredTotal = 0;
  let budgetError: RedlineError | null = null;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (budgetError) return false;
        count += 1;
        declaredTotal += file.originalSize;
        if (count > limits.maxEntries) budgetError = overEntries();
        else if (declaredTotal > limits.maxUncompressedBytes) budgetError = claimsOverTotal();
        else if (file.originalSize > limits.ratioFloor && file.originalSize > limits.maxRatio * Math.max(file.size, 1)) {
          budgetError = claimsOverRatio(file.name);
        } else if (declared.has(file.name)) {
          // A package names each part once (OPC): which of the two would be the document is anyone's guess.
          budgetError = refuse(`it holds two parts named ${file.name}`);
        }
        declared.set(file.name, { size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new RedlineError('bad_input', `${name} is not a .docx file: its ZIP archive cannot be read (${why}).`);
  }
  if (budgetError) throw budgetError;

  const records = directoryRecords(bytes);

  // 2. Inflate entry by entry from a stream, counting what comes out: a header that understated a size is caught
  //    at the first byte over the budget, and nothing more is inflated.
  const entries: ZipEntry[] = [];
  let total = 0;
  let streamed = 0;
  const unzip = new Unzip((file) => {
    streamed += 1;
    if (streamed > limits.maxEntries) throw overEntries();
    const claim = declared.get(file.name);
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (error) throw error;
      size += chunk.length;
      total += chunk.length;
      if (total > limits.maxUncompressedBytes) throw overTotal();
      const packedSize = claim?.size ?? bytes.length;
      if (size > limits.ratioFloor && size > limits.maxRatio * Math.max(packedSize, 1)) throw overRatio(file.name);
      if (claim && size > claim.originalSize) {
        throw refuse(`its part ${file.name} unpacks to more than its header says (${claim.originalSize} bytes)`);
      }
      chunks.push(chunk);
      if (!final) return;
      const data = concat(chunks, size);
      const record = records.get(file.name);
      // Deflate has no checksum of its own: a flipped byte in a part reads as other text, caught only here.
      if (record && crc32(data) !== record.crc) {
        throw new RedlineError('bad_input', `${name} is damaged: its part ${file.name} does not match its checksum (CRC-32).`);
      }
      const modified = record?.modified;
      // Copied as it is only when its directory record agrees with what was read.
      const packed = record?.packed && record.size === size && record.packed.method === file.compression ? record.packed : undefined;
      entries.push({ name: file.name, data, stored: file.compression === 0, ...(modified && { modified }), ...(packed && { packed }) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      unzip.push(bytes.subarray(at, Math.min(at + CHUNK, bytes.length)), at + CHUNK >= bytes.length);
    }
  } catch (error) {
    if (error instanceof RedlineError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new RedlineError('bad_input', `${name} is not a .docx file: its ZIP archive cannot be read (${why}).`);
  }
  if (entries.length !== declared.size) {
    throw new RedlineError(
      'bad_input',
      `${name} is not a .docx file: its ZIP archive is damaged (${entries.length} of ${declared.size} parts could be read).`,
    );
  }
  return entries;
}

interface DirectoryRecord {
  modified: DosTime;
  /** What the entry unpacks to, as the directory says, and the CRC-32 of that. */
  size: number;
  crc: number;
  packed?: PackedEntry;
}

/** General-purpose flag bit 0: the entry is encrypted. */
const ENCRYPTED = 0x0001;

/**
 * Each entry's last-modified time and date, and where its packed bytes lie, by name, from the central directory
 * and the local headers (fflate reads them but gives neither). A directory this cannot walk (ZIP64, damaged:
 * fflate has read it, so that is rare) gives nothing: the entries are then written with the time of writing, and
 * compressed again. An entry whose packed bytes cannot be located (a ZIP64 size, encrypted, a method other than
 * stored or deflated, a local header out of place) just has none.
 */
function directoryRecords(bytes: Uint8Array): Map<string, DirectoryRecord> {
  const records = new Map<string, DirectoryRecord>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record: 22 bytes and a comment of at most 65,535 bytes from the end.
  let end = bytes.length - 22;
  while (end >= 0 && bytes.length - end <= 22 + 0xffff && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0 || bytes.length - end > 22 + 0xffff) return records;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return new Map();
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    if (at + 46 + nameLength > bytes.length) return new Map();
    // The name as fflate decodes it: UTF-8 when flag bit 11 says so, otherwise byte for byte.
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x0800) === 0);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const packedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const body =
      (method === 0 || method === 8) && (flags & ENCRYPTED) === 0 && packedSize !== ZIP64_MARK && size !== ZIP64_MARK
        ? packedBody(bytes, view, view.getUint32(at + 42, true), packedSize, bytes.subarray(at + 46, at + 46 + nameLength))
        : null;
    records.set(name, {
      modified: { time: view.getUint16(at + 12, true), date: view.getUint16(at + 14, true) },
      size,
      crc,
      ...(body && { packed: { method: method as 0 | 8, crc, body } }),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return records;
}

/**
 * The packed bytes after the local header at `header`, or null when they are not all there or the header is
 * not the same entry's (another name: what was inflated under the name may not be these bytes).
 */
function packedBody(bytes: Uint8Array, view: DataView, header: number, packedSize: number, name: Uint8Array): Uint8Array | null {
  if (header === ZIP64_MARK || header + 30 > bytes.length || view.getUint32(header, true) !== 0x04034b50) return null;
  const nameLength = view.getUint16(header + 26, true);
  if (nameLength !== name.length || header + 30 + nameLength > bytes.length) return null;
  for (let k = 0; k < nameLength; k++) if (bytes[header + 30 + k] !== name[k]) return null;
  const start = header + 30 + nameLength + view.getUint16(header + 28, true);
  return start + packedSize <= bytes.length ? bytes.subarray(start, start + packedSize) : null;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

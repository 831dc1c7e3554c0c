import { isUtf8 } from 'node:buffer';
import { readInputFile } from '../services/files';

/** Control characters other than tab, line breaks, form feed and escape (as services/encoding counts them). */
const isOddControl = (c: number): boolean => c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b;
const ODD_CONTROLS = Array.from({ length: 0x20 }, (_, c) => c).filter((c) => c !== 0 && isOddControl(c));
/** services/encoding's share of such controls above which a file is binary. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * The bytes of a file's text when it is plain UTF-8 — with or without its byte-order mark (left out here), no
 * NUL byte, few control codes — or null for anything else (UTF-16, a legacy encoding, binary data). For such a
 * file, decoding them gives exactly the text services/encoding's detectAndDecode gives, without loading the
 * packages that detection of the other encodings needs (iconv-lite, jschardet); the caller sends the others
 * to it. Errors reading the file are readInputFile's own.
 */
export function readPlainUtf8(path: string): Uint8Array | null {
  const bytes = readInputFile(path);
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return null;
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.indexOf(0) >= 0) return null;
  // Text seldom holds any such control: the native indexOf per code rules that out far faster than a loop
  // over every byte, which then runs only when one is there.
  if (ODD_CONTROLS.some((c) => body.indexOf(c) >= 0)) {
    let controls = 0;
    for (let i = 0; i < body.length; i++) {
      const b = body[i]!;
      if (b < 0x20 && isOddControl(b)) controls++;
    }
    if (controls / body.length > MAX_CONTROL_SHARE) return null;
  }
  // Strict UTF-8 (as a fatal TextDecoder checks it), natively.
  return isUtf8(body) ? body : null;
}

/** Lines read one at a time: a string array, or Utf8Lines, which decodes each line when it is read. */
export interface LineList {
  readonly length: number;
  at(k: number): string | undefined;
}

/**
 * The lines of plain UTF-8 text (readPlainUtf8's bytes), exactly as segmentLines splits the decoded text —
 * at LF or CRLF, a final line break ending the last line rather than adding one — found at once but each
 * decoded on its own, when it is read. Decoding the whole text and splitting it gives strings that are slices
 * of the whole, which every character read of the metrics (tokenizing, the character distance) pays for; these
 * are strings of their own, and one byte a character when a line is ASCII. Decoded only when read, they are
 * dropped as soon as the pair is measured: decoded up front, the lines of two 1.7 MB files lived through every
 * young-generation collection of the run, which copied them from space to space each time (some 20 ms).
 */
export class Utf8Lines implements LineList {
  readonly length: number;
  private readonly bytes: Buffer;
  /** Line k is bytes[starts[k] … ends[k]). */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(body: Uint8Array) {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    let starts: Int32Array = new Int32Array(1024);
    let ends: Int32Array = new Int32Array(1024);
    let count = 0;
    let start = 0;
    // Written out twice rather than as a closure: the second file's closure, a new function, made the loop's
    // compiled code bail out.
    for (let end = bytes.indexOf(0x0a, start); end >= 0; end = bytes.indexOf(0x0a, start)) {
      if (count + 1 >= starts.length) {
        starts = grown(starts);
        ends = grown(ends);
      }
      starts[count] = start;
      ends[count++] = end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
      start = end + 1;
    }
    if (count === 0 || start < bytes.length) {
      starts[count] = start;
      ends[count++] = bytes.length;
    }
    this.bytes = bytes;
    this.starts = starts;
    this.ends = ends;
    this.length = count;
  }

  at(k: number): string | undefined {
    return k >= 0 && k < this.length ? this.bytes.toString('utf8', this.starts[k], this.ends[k]) : undefined;
  }
}

function grown(array: Int32Array): Int32Array {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}

/** Utf8Lines' lines, all decoded. */
export function utf8Lines(body: Uint8Array): string[] {
  const lines = new Utf8Lines(body);
  return Array.from({ length: lines.length }, (_, k) => lines.at(k)!);
}

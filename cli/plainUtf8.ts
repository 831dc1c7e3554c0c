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

/**
 * The lines of plain UTF-8 text (readPlainUtf8's bytes), exactly as segmentLines splits the decoded text —
 * at LF or CRLF, a final line break ending the last line rather than adding one — but each line decoded on its
 * own. Decoding the whole text and splitting it gives strings that are slices of the whole, which every
 * character read of the metrics (tokenizing, the character distance) pays for; these are strings of their
 * own, and one byte a character when a line is ASCII.
 */
export function utf8Lines(body: Uint8Array): string[] {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const lines: string[] = [];
  let start = 0;
  for (let end = bytes.indexOf(0x0a, start); end >= 0; end = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.toString('utf8', start, end > start && bytes[end - 1] === 0x0d ? end - 1 : end));
    start = end + 1;
  }
  const rest = bytes.toString('utf8', start);
  if (lines.length === 0 || rest !== '') lines.push(rest);
  return lines;
}

import { readInputFile } from '../services/files';

/** Control characters other than tab, line breaks, form feed and escape (as services/encoding counts them). */
const isOddControl = (c: number): boolean => c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b;
const ODD_CONTROLS = Array.from({ length: 0x20 }, (_, c) => c).filter((c) => c !== 0 && isOddControl(c));
/** services/encoding's share of such controls above which a file is binary. */
const MAX_CONTROL_SHARE = 0.1;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a file when it is plain UTF-8 — with or without its byte-order mark, no NUL byte, few control
 * codes — or null for anything else (UTF-16, a legacy encoding, binary data). For such a file this is exactly
 * the text services/encoding's detectAndDecode gives, without loading the packages that detection of the other
 * encodings needs (iconv-lite, jschardet); the caller sends the others to it. Errors reading the file are
 * readInputFile's own.
 */
export function readPlainUtf8(path: string): string | null {
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
  try {
    return strictUtf8.decode(body);
  } catch {
    return null;
  }
}

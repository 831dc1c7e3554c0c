/**
 * UTF-8 with damage: a file that is almost all valid multi-byte UTF-8 but for a stray byte or two is UTF-8
 * that got corrupted, not a legacy encoding. Reading it as Windows-1251/1252 would turn every one of its
 * non-ASCII characters into mojibake to save the one broken byte.
 */

export interface Utf8Scan {
  /** Valid sequences of two to four bytes. */
  multiByte: number;
  /** Invalid sequences, each maximal ill-formed subpart counted once (as a decoder emits one U+FFFD for it). */
  invalid: number;
  /** Offset of the first invalid byte, or -1 when all bytes are valid UTF-8. */
  firstInvalid: number;
}

/** Valid multi-byte sequences per invalid one from which the bytes are damaged UTF-8 rather than legacy text. */
const VALID_PER_INVALID = 4;

const isContinuation = (b: number | undefined): boolean => b !== undefined && b >= 0x80 && b <= 0xbf;

/**
 * How long the sequence starting at `i` is when valid, else minus the length of its ill-formed subpart.
 * The second byte's range is narrowed for the lead bytes that would otherwise allow overlong forms,
 * surrogates or code points above U+10FFFF (the Unicode standard's table 3-7).
 */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return -1;
  const second = bytes[i + 1];
  if (second === undefined || second < low || second > high) return -1;
  for (let k = 2; k < length; k++) if (!isContinuation(bytes[i + k])) return -k;
  return length;
}

export function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multiByte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceAt(bytes, i);
    if (length > 1) multiByte++;
    else if (length < 0) {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
    }
    i += Math.abs(length);
  }
  return { multiByte, invalid, firstInvalid };
}

/**
 * The offset of the first invalid byte when the bytes are UTF-8 with damage; null when they are valid UTF-8,
 * or too little of them is multi-byte UTF-8 to say (legacy text pairs into a valid sequence only by chance:
 * KOI8-R's “ё” after some letters, say, among many invalid ones).
 */
export function damagedUtf8Offset(bytes: Uint8Array): number | null {
  const { multiByte, invalid, firstInvalid } = scanUtf8(bytes);
  if (invalid === 0 || multiByte < VALID_PER_INVALID * invalid) return null;
  return firstInvalid;
}

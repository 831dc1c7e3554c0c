import { RedlineError } from '../core/model/errors';

const BOM = '\uFEFF';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface DecodedText {
  text: string;
  hasBom: boolean;
}

/** Bytes of a plain-text file as text, or a clear reason why they are not UTF-8 text. */
export function decodeTextFile(bytes: Uint8Array, name: string): DecodedText {
  if (bytes.includes(0)) {
    throw new RedlineError('bad_input', `${name} contains binary data (NUL bytes): it is not a text file.`);
  }
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    throw new RedlineError('bad_input', `${name} is not valid UTF-8 text.`);
  }
  const hasBom = decoded.startsWith(BOM);
  const text = hasBom ? decoded.slice(1) : decoded;
  if (text.trim().length === 0) {
    throw new RedlineError('bad_input', `${name} is empty: there is no text to review.`);
  }
  return { text, hasBom };
}

/** Text back to the bytes of a file, with the byte-order mark the original had. */
export function encodeTextFile(text: string, hasBom: boolean): Buffer {
  return Buffer.from(hasBom ? BOM + text : text, 'utf8');
}

import iconv from 'iconv-lite';
import { detectAll } from 'jschardet';
import { detectLineEnding, type LineEnding } from '../core/encoding/lineEnding';
import { judgeDecodedText } from '../core/encoding/decodedTextVerdict';
import { pickMostRussian } from '../core/encoding/russianText';
import { damagedUtf8Offset } from '../core/encoding/utf8Damage';
import { referenceUnencodable } from '../core/formats/xml/characterReferences';
import { declaredEncoding } from '../core/formats/xml/declaration';
import { RedlineError } from '../core/model/errors';

/**
 * Character encodings of imported files: detection (byte-order marks, strict UTF-8, then jschardet with a
 * Russian-text model to settle the Cyrillic legacy encodings), decoding and encoding back (iconv-lite).
 */

export interface DecodedFile {
  /** The text, without the byte-order mark. */
  text: string;
  /** Canonical lower-case name: utf-8, utf-16le, utf-16be, windows-1251, koi8-r, windows-1252, iso-8859-1 … */
  encoding: string;
  /** The file started with a byte-order mark (only Unicode encodings have one). */
  bom: boolean;
  lineEnding: LineEnding;
  /** 0–1: 1 for a byte-order mark, valid UTF-8, an XML declaration the bytes fit or a forced encoding; lower for a guess. */
  confidence: number;
}

/** The encodings detection chooses between when a file is neither UTF-8 nor marked by a byte-order mark. */
export const LEGACY_ENCODINGS = ['windows-1251', 'koi8-r', 'windows-1252', 'iso-8859-1'] as const;

const BOMS: ReadonlyArray<{ encoding: string; bytes: readonly number[] }> = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

const ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  cp1251: 'windows-1251',
  win1251: 'windows-1251',
  'windows-1251': 'windows-1251',
  koi8r: 'koi8-r',
  'koi8-r': 'koi8-r',
  cp1252: 'windows-1252',
  win1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  iso88591: 'iso-8859-1',
  'iso-8859-1': 'iso-8859-1',
  iso_88591: 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
};

const NOT_TEXT_ENCODINGS = new Set(['base64', 'hex', 'base64url']);

/** A canonical lower-case name for an encoding iconv-lite knows, or a clear error. */
export function normalizeEncoding(name: string): string {
  const key = name.trim().toLowerCase();
  const known = ALIASES[key] ?? ALIASES[key.replace(/[\s_]/g, '-')];
  if (known) return known;
  if (!key || !iconv.encodingExists(key)) {
    throw new RedlineError('bad_input', `Unknown character encoding “${name}”.`);
  }
  // iconv-lite's byte-to-text conversions, not character encodings: a file read "as base64" would become its base64.
  if (NOT_TEXT_ENCODINGS.has(key)) throw new RedlineError('bad_input', `“${name}” is not a character encoding of text.`);
  return key;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const hasBomFor = (bytes: Uint8Array, encoding: string): boolean => {
  const bom = BOMS.find((b) => b.encoding === encoding);
  return bom !== undefined && startsWith(bytes, bom.bytes);
};

/** Control characters other than tab, line breaks, form feed and escape: a share above this is binary. */
const MAX_CONTROL_SHARE = 0.1;
const isOddControl = (c: number): boolean => c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b;

/** `maybeUtf16`: the bytes read as UTF-16 without anything impossible, though not clearly as text. */
function refuseBinary(name: string, maybeUtf16 = false): never {
  const hint = maybeUtf16 ? ' If it is UTF-16 text without a byte-order mark, --encoding utf-16le (or utf-16be) may read it.' : '';
  throw new RedlineError(
    'bad_input',
    `${name} contains binary data (NUL bytes or control codes where no text encoding has them): it is not a text file.${hint}`,
  );
}

function oddControlCount(bytes: Uint8Array): number {
  // Runs once over a whole file, mostly before the engine optimizes it: a loop that tests each byte once (a
  // third of the time of for…of with two tests, on a 1.3 MB file).
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && isOddControl(b)) controls++;
  }
  return controls;
}

const isBinary = (bytes: Uint8Array, controls: number): boolean =>
  bytes.indexOf(0) >= 0 || (bytes.length > 0 && controls / bytes.length > MAX_CONTROL_SHARE);

/** NUL bytes, or many control codes, mean a binary file. */
function checkNotBinaryBytes(bytes: Uint8Array, name: string): void {
  if (isBinary(bytes, oddControlCount(bytes))) refuseBinary(name);
}

function checkNotBinaryText(text: string, name: string): void {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) refuseBinary(name);
    if (isOddControl(c)) controls++;
  }
  if (text.length > 0 && controls / text.length > MAX_CONTROL_SHARE) refuseBinary(name);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

// --- Cyrillic: which legacy encoding makes the bytes read as Russian --------------------------------------

/** The model reads this much of a file: far more than it needs to decide, little enough to stay quick. */
const SCORED_BYTES = 64 * 1024;

/** The Cyrillic encodings nearly every legacy Russian file is in. */
const USUAL_CYRILLIC = ['windows-1251', 'koi8-r'];
/**
 * How likely another Cyrillic encoding (Mac Cyrillic, DOS 866, ISO-8859-5) is beside the usual two, before the
 * text is read: short text can read a little more Russian in one by chance (`Цена: 5 €.` in windows-1251 reads as
 * `÷ена: 5 И.` in Mac Cyrillic), where a whole file in it reads far better.
 */
const RARE_CYRILLIC_PRIOR = 0.01;

/** Of the candidate Cyrillic encodings, the one whose decoding reads most like Russian, and how sure. */
export function pickCyrillicEncoding(bytes: Uint8Array, candidates: readonly string[]): { encoding: string; confidence: number } {
  const sample = bytes.subarray(0, SCORED_BYTES);
  return pickMostRussian(
    candidates.map((encoding) => ({ encoding, text: iconv.decode(sample, encoding), prior: USUAL_CYRILLIC.includes(encoding) ? 1 : RARE_CYRILLIC_PRIOR })),
  );
}

// --- The legacy encodings: Cyrillic or Western ----------------------------------------------------------

const CYRILLIC_FAMILY = new Set(['windows-1251', 'koi8-r', 'koi8-u', 'koi8-t', 'maccyrillic', 'x-mac-cyrillic', 'iso-8859-5', 'ibm866', 'cp866', 'ibm855', 'kz1048']);
const WESTERN_FAMILY = new Set(['windows-1252', 'iso-8859-1', 'iso8859-15', 'iso-8859-15', 'macroman', 'cp850', 'cp437', 'ascii']);
/** Bytes windows-1252 leaves undefined: a file holding them is read as ISO-8859-1 (which keeps them). */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
/** jschardet's answer for some other encoding (Greek, Japanese …) is taken above this confidence. */
const OTHER_ENCODING_CONFIDENCE = 0.5;
/**
 * The multi-byte encodings of Chinese, Japanese and Korean. jschardet is less sure of them on short texts (a few
 * lines of Big5 score 0.43), so its first guess is taken from this confidence when the text it reads is CJK.
 */
const CJK_MULTIBYTE = new Set(['big5', 'gb2312', 'gb18030', 'gbk', 'euc-jp', 'shift_jis', 'euc-kr', 'euc-tw']);
const CJK_CONFIDENCE = 0.3;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/u;

/**
 * Whether bytes read in a CJK encoding as CJK text: no unreadable byte, (nearly) every non-ASCII character CJK,
 * and CJK punctuation (。，、). Without it, two letters of short Russian in windows-1251 also read as one Han
 * character of Big5 or GBK; the full stop of Chinese and Japanese (A1A3 in GBK) is a pair Russian never has.
 */
function readsAsCjk(bytes: Uint8Array, encoding: string): boolean {
  const text = iconv.decode(bytes, encoding);
  if (text.includes('\uFFFD')) return false;
  let cjk = 0;
  let other = 0;
  let punctuation = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (CJK_PUNCTUATION.test(ch)) punctuation++;
    if (CJK_CHAR.test(ch)) cjk++;
    else other++;
  }
  return punctuation > 0 && cjk >= 2 && cjk >= 9 * other;
}

const isAsciiLetter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
/** Bytes that are letters in all four legacy encodings (0xC0–0xFF but × and ÷), and the two ё of each. */
const isHighLetter = (b: number): boolean => (b >= 0xc0 && b !== 0xd7 && b !== 0xf7) || b === 0xa8 || b === 0xb8 || b === 0xa3 || b === 0xb3;

/**
 * Words as byte runs tell Cyrillic from Western text soundly even in a few words: Cyrillic words are written
 * wholly in bytes above 0xBF, while Western words mix accented letters into ASCII ones (“Grüße”, “café”).
 * One-letter words (“в”, “à”) are left out: both scripts have them.
 */
function scriptEvidence(bytes: Uint8Array): { cyrillicWords: number; westernWords: number } {
  let cyrillicWords = 0;
  let westernWords = 0;
  let high = 0;
  let ascii = 0;
  const endWord = () => {
    if (high > 0 && ascii > 0) westernWords++;
    else if (high > 1) cyrillicWords++;
    high = 0;
    ascii = 0;
  };
  for (const b of bytes) {
    if (isHighLetter(b)) high++;
    else if (isAsciiLetter(b)) ascii++;
    else endWord();
  }
  endWord();
  return { cyrillicWords, westernWords };
}

interface Guess {
  encoding: string;
  confidence: number;
}

function guessLegacy(bytes: Uint8Array): Guess {
  const results = detectAll(bytes).filter((r) => r.encoding && !/^(utf|ascii)/i.test(r.encoding));
  const top = results[0];
  const topName = top?.encoding?.toLowerCase() ?? '';
  const round = (n: number) => Math.round(n * 100) / 100;

  const otherFamily = topName !== '' && !WESTERN_FAMILY.has(topName) && !CYRILLIC_FAMILY.has(topName);
  if (top && otherFamily && top.confidence >= OTHER_ENCODING_CONFIDENCE && iconv.encodingExists(topName)) {
    return { encoding: topName, confidence: round(top.confidence) };
  }
  // A short CJK text read as Western or Cyrillic bytes would be mojibake ("¥x¥_¬O…"): its first guess, if it reads so.
  if (top && CJK_MULTIBYTE.has(topName) && top.confidence >= CJK_CONFIDENCE && iconv.encodingExists(topName) && readsAsCjk(bytes, topName)) {
    return { encoding: topName, confidence: round(top.confidence) };
  }
  const { cyrillicWords, westernWords } = scriptEvidence(bytes);
  const saysCyrillic = CYRILLIC_FAMILY.has(topName);
  if (cyrillicWords > westernWords || (saysCyrillic && cyrillicWords > 0 && cyrillicWords === westernWords)) {
    const candidates: string[] = [...USUAL_CYRILLIC];
    if (saysCyrillic && !candidates.includes(topName) && iconv.encodingExists(topName)) candidates.push(topName);
    return pickCyrillicEncoding(bytes, candidates);
  }
  const encoding = bytes.some((b) => UNDEFINED_IN_1252.has(b)) ? 'iso-8859-1' : 'windows-1252';
  const confidence = WESTERN_FAMILY.has(topName) ? Math.max(0.5, top?.confidence ?? 0) : 0.5;
  return { encoding, confidence: round(confidence) };
}

// --- Public API ---------------------------------------------------------------------------------------------

function decodeAs(bytes: Uint8Array, encoding: string, name: string): { text: string; bom: boolean } {
  const bom = hasBomFor(bytes, encoding);
  const body = bom ? bytes.subarray(encoding === 'utf-8' ? 3 : 2) : bytes;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    if (body.length % 2 !== 0) throw new RedlineError('bad_input', `${name} is not valid ${encoding.toUpperCase()} text: it ends in half a character.`);
    const text = iconv.decode(body, encoding, { stripBOM: false });
    checkNotBinaryText(text, name);
    checkReadsBack(text, body, encoding, name, bytes.length - body.length);
    // iconv-lite reads half a surrogate pair as itself; the store (UTF-8) could only keep it as U+FFFD.
    const lone = loneSurrogateAt(text);
    if (lone >= 0) throw notReadable(name, encoding, bytes, bytes.length - body.length + 2 * lone, 'are half of a character (a lone surrogate)');
    return { text, bom };
  }
  checkNotBinaryBytes(body, name);
  if (encoding === 'utf-8') {
    const text = decodeUtf8Strict(body);
    if (text === null) throw new RedlineError('bad_input', `${name} is not valid UTF-8 text.`);
    return { text, bom };
  }
  const text = iconv.decode(body, encoding, { stripBOM: false });
  checkReadsBack(text, body, encoding, name, bytes.length - body.length);
  return { text, bom };
}

/**
 * Refuses bytes the encoding does not read: iconv-lite puts U+FFFD (or, for some encodings, another character)
 * in their place without a word, and the export then writes that instead of what the file had — a wrong
 * --encoding (UTF-8 read as UTF-32 came back as U+FFFD throughout), or half a UTF-16 surrogate pair. The text
 * must encode back to the very bytes it was read from.
 */
function checkReadsBack(text: string, body: Uint8Array, encoding: string, name: string, bodyStart: number): void {
  const back = iconv.encode(text, encoding, { addBOM: false });
  if (back.length === body.length && back.equals(body)) return;
  let at = 0;
  while (at < body.length && at < back.length && body[at] === back[at]) at++;
  const file = new Uint8Array(body.buffer, body.byteOffset - bodyStart, body.byteLength + bodyStart);
  throw notReadable(name, encoding, file, bodyStart + at, 'would not be written back as they are');
}

/** The error for bytes at `offset` of the file that `encoding` does not read as text. */
function notReadable(name: string, encoding: string, file: Uint8Array, offset: number, what: string): RedlineError {
  const shown = Array.from(file.subarray(offset, offset + 4), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
  return new RedlineError(
    'bad_input',
    `${name} does not read as ${encoding.toUpperCase()} text: its bytes at offset ${offset} (${shown}) ${what}. ` +
      'Choose another encoding, or let Redline detect it.',
  );
}

/** The index of the first half of a surrogate pair standing alone in `text`, or -1. */
function loneSurrogateAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    else return i;
  }
  return -1;
}

/** How much of a file the UTF-16 test reads. */
const UTF16_SAMPLE = 64 * 1024;
/** NUL bytes in one column of the pairs, as a share of them, that make UTF-16 the likely reading… */
const NUL_COLUMN_SHARE = 0.1;
/** …or, when every other byte is printable ASCII, this share: then most characters must be ASCII, each with a NUL. */
const NUL_COLUMN_SHARE_ASCII = 0.5;
/** The other column's NULs, as a share of the pairs, that a NUL pattern tolerates (U+0100, U+4E00 …). */
const NUL_OTHER_COLUMN_SHARE = 0.01;
/** Without a NUL pattern a reading must be this clearly one script's text (judgeDecodedText's fit)… */
const MIN_FIT = 0.9;
/** …on at least this many letters: a few bytes of junk can read as two letters of one script. */
const MIN_LETTERS = 4;

type Utf16Guess = { encoding: 'utf-16le' | 'utf-16be'; confidence: number } | 'doubtful' | null;

/** A sample's decoding, without a high surrogate the sample's end cut from its pair. */
function utf16Sample(sample: Uint8Array, encoding: string, cut: boolean): string {
  const text = iconv.decode(sample, encoding, { stripBOM: false });
  const last = text.charCodeAt(text.length - 1);
  return cut && last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

/**
 * UTF-16 without a byte-order mark, for bytes that hold NULs or control codes (which 8-bit text does not).
 * Either reading must decode to plausible text (judgeDecodedText). Where NUL bytes fall settles the byte
 * order: every character below U+0100 has a NUL high byte, at odd offsets in little-endian and even ones in
 * big-endian. CJK text has few such characters; it is taken when only one byte order reads as text. ASCII
 * with a stray NUL or two is never UTF-16 (its pairs would read as ideographs): there a NUL must come with
 * most characters. 'doubtful': no reading was plausible, but one might be UTF-16 all the same.
 */
function utf16WithoutBom(bytes: Uint8Array): Utf16Guess {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, UTF16_SAMPLE));
  const pairs = sample.length / 2;
  let even = 0;
  let odd = 0;
  let ascii = true;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    } else if (b >= 0x7f || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d)) ascii = false;
  }
  const share = ascii ? NUL_COLUMN_SHARE_ASCII : NUL_COLUMN_SHARE;
  const oneColumn = (many: number, few: number) => many / pairs >= share && few / pairs <= NUL_OTHER_COLUMN_SHARE;
  const byNuls = oneColumn(odd, even) ? 'utf-16le' : oneColumn(even, odd) ? 'utf-16be' : null;

  const cut = sample.length < bytes.length;
  const readings = (['utf-16le', 'utf-16be'] as const).map((encoding) => ({ encoding, ...judgeDecodedText(utf16Sample(sample, encoding, cut)) }));
  const [nuls, other] = byNuls === 'utf-16be' ? [readings[1]!, readings[0]!] : [readings[0]!, readings[1]!];
  const clear = (r: (typeof readings)[number]) => r.verdict === 'plausible' && r.fit >= MIN_FIT && r.letters >= MIN_LETTERS;
  // Both byte orders can read as text in a short sample ('发布一个' and '텓͞N⩎'; 一 is U+4E00, its NUL in the
  // other column): the NULs decide unless the other reading is clearer.
  if (byNuls && nuls.verdict === 'plausible' && !(clear(other) && other.fit > nuls.fit)) return { encoding: byNuls, confidence: 0.9 };
  if (ascii) return null;
  const [best, next] = readings.filter(clear).sort((a, b) => b.fit - a.fit);
  if (best && !(next && next.fit === best.fit)) return { encoding: best.encoding, confidence: 0.8 };
  return readings.some((r) => r.verdict !== 'malformed') ? 'doubtful' : null;
}

/** Refuses UTF-8 with a broken byte or two: a legacy reading would turn all its other characters to mojibake. */
function checkNotDamagedUtf8(bytes: Uint8Array, name: string): void {
  const offset = damagedUtf8Offset(bytes);
  if (offset === null) return;
  const { line, column } = lineAndColumn(strictUtf8.decode(bytes.subarray(0, offset)), offset);
  const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
  throw new RedlineError(
    'bad_input',
    `${name} reads as UTF-8 but has an invalid byte (0x${byte}) at line ${line}, column ${column}: it looks damaged, ` +
      'so it is not read as some other encoding. If it is in another encoding, import it with --encoding and its name.',
  );
}

/** The XML declaration, if any, is within a file's first bytes. */
const DECLARATION_BYTES = 256;

/**
 * The encoding an XML declaration at the start of the bytes names, with the bytes decoded in it, when
 * iconv-lite knows it and it reads them: no byte it leaves undefined, and the declaration read back the same
 * (an encoding that is not ASCII-compatible, such as UTF-16 named in an 8-bit file, does not). ISO-8859-1 is
 * ISO-8859-1 here, not windows-1252 as in HTML: that is how XML readers read it. UTF-8 is left to detection.
 */
function declaredXmlEncoding(bytes: Uint8Array): { encoding: string; text: string } | null {
  const declared = declaredEncoding(iconv.decode(bytes.subarray(0, DECLARATION_BYTES), 'iso-8859-1'));
  if (declared === null) return null;
  let encoding: string;
  try {
    encoding = normalizeEncoding(declared);
  } catch {
    return null;
  }
  // 'binary' is what a document without a text encoding (DOCX) stores: not a name to keep for a text.
  if (encoding === 'utf-8' || encoding === 'binary') return null;
  const text = iconv.decode(bytes, encoding, { stripBOM: false });
  if (text.includes('\uFFFD') || declaredEncoding(text) !== declared) return null;
  return { encoding, text };
}

/** The encoding a file names itself: a UTF-8 byte-order mark, else its XML declaration's (as written), or null. */
function ownEncoding(bytes: Uint8Array): { encoding: string; by: string } | null {
  // UTF-8's mark only: a UTF-16 one is two bytes that legacy text can begin with (KOI8-R's "ЧЪ" is FE FF).
  if (startsWith(bytes, BOMS[0]!.bytes)) return { encoding: 'utf-8', by: 'starts with a byte-order mark of UTF-8' };
  const declared = declaredEncoding(iconv.decode(bytes.subarray(0, DECLARATION_BYTES), 'iso-8859-1'));
  if (declared === null) return null;
  try {
    return { encoding: normalizeEncoding(declared), by: `declares its encoding as ${declared} in its XML declaration` };
  } catch {
    return null; // a name no one knows: the editor's choice stands
  }
}

/**
 * Refuses to read a file in an encoding other than the one it names itself, unless detection reads it so too (a
 * UTF-8 file under a legacy declaration kept from a template). Read so, its text would be garbled, and an XML
 * file written back would hold bytes its own declaration contradicts: no longer a valid file.
 */
function refuseContradiction(bytes: Uint8Array, name: string, encoding: string): void {
  const own = ownEncoding(bytes);
  if (own === null || own.encoding === encoding || (own.encoding.startsWith('utf-16') && encoding.startsWith('utf-16'))) return;
  // Windows-1252 under an ISO-8859-1 label is the commonest mislabelling (its quotes and € read as controls):
  // the editor's choice of the superset stands.
  if (encoding === 'windows-1252' && own.encoding === 'iso-8859-1') return;
  let detected: string | null = null;
  try {
    detected = detectAndDecode(bytes, name).encoding;
  } catch {
    // not readable by detection either: the contradiction is what to tell
  }
  if (detected === encoding) return;
  throw new RedlineError(
    'bad_input',
    `${name} ${own.by}: read as ${encoding}, its text would be garbled and the file written back would not be valid. ` +
      'Leave the encoding to detection.',
  );
}

/**
 * Decodes a file's bytes. `forced` (any name iconv-lite knows) skips detection. Otherwise: a byte-order mark
 * decides (UTF-8, UTF-16 LE/BE); bytes with NULs or control codes that read as text in UTF-16 are UTF-16
 * without a mark; bytes that are valid UTF-8 are UTF-8 (ASCII under an XML declaration: the encoding it names);
 * bytes that are nearly so are damaged UTF-8, refused with where the damage is; bytes an XML declaration's
 * encoding reads are in it; anything else is a legacy encoding —
 * Windows-1251 or KOI8-R for Cyrillic text (settled by how Russian each reading looks), Windows-1252 or
 * ISO-8859-1 for Western text, or another encoding jschardet is confident about.
 * Binary data (NUL bytes, many control codes) is refused.
 */
export function detectAndDecode(bytes: Uint8Array, name: string, forced?: string): DecodedFile {
  const finish = (text: string, encoding: string, bom: boolean, confidence: number): DecodedFile => ({
    text,
    encoding,
    bom,
    lineEnding: detectLineEnding(text),
    confidence,
  });

  if (forced !== undefined) {
    let encoding = normalizeEncoding(forced);
    // UTF-16 without a byte order named: the mark decides, little-endian without one.
    if (encoding === 'utf-16' || encoding === 'utf16') encoding = startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : 'utf-16le';
    refuseContradiction(bytes, name, encoding);
    const { text, bom } = decodeAs(bytes, encoding, name);
    return finish(text, encoding, bom, 1);
  }

  const marked = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (marked) {
    const { text } = decodeAs(bytes, marked.encoding, name);
    return finish(text, marked.encoding, true, 1);
  }

  const controls = oddControlCount(bytes);
  const binary = isBinary(bytes, controls);
  const utf8 = binary ? null : decodeUtf8Strict(bytes);
  // Text that reads as UTF-8 is UTF-8 even with a control code or two; UTF-16 is tried for the rest that has
  // NULs or controls (CJK UTF-16 can be all ASCII bytes: '研究' is 14 78 76 7A).
  const utf16 = binary || (utf8 === null && controls > 0) ? utf16WithoutBom(bytes) : null;
  if (utf16 !== null && utf16 !== 'doubtful') {
    const { text } = decodeAs(bytes, utf16.encoding, name);
    return finish(text, utf16.encoding, false, utf16.confidence);
  }

  if (binary) refuseBinary(name, utf16 === 'doubtful');
  if (utf8 !== null) {
    // ASCII reads the same in UTF-8 and in the encoding an XML declaration names: the declaration settles what
    // the file is written back in. UTF-8 with other characters under a legacy name is UTF-8 mislabelled (a
    // template's prolog kept): legacy text is valid UTF-8 only by rare chance, an accent before symbols (é««).
    const declared = utf8.length === bytes.length ? declaredXmlEncoding(bytes) : null;
    return finish(utf8, declared?.text === utf8 ? declared.encoding : 'utf-8', false, 1);
  }
  checkNotDamagedUtf8(bytes, name);

  const declared = declaredXmlEncoding(bytes);
  if (declared) return finish(declared.text, declared.encoding, false, 1);
  const guess = guessLegacy(bytes);
  return finish(iconv.decode(bytes, guess.encoding, { stripBOM: false }), guess.encoding, false, guess.confidence);
}

/** 1-based line and column (in characters, an emoji one) of a string index, for messages. */
function lineAndColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: [...(lines[lines.length - 1] ?? '')].length + 1 };
}

/** The name to save in: UTF-16 without a byte order named is little-endian. */
function savingName(encoding: string): string {
  const name = normalizeEncoding(encoding);
  return name === 'utf-16' || name === 'utf16' ? 'utf-16le' : name;
}

/** The bytes of `text` in an encoding, or the index of the first character it cannot hold. */
function encodeBody(text: string, name: string): { body: Buffer } | { unencodableAt: number } {
  const body = iconv.encode(text, name, { addBOM: false });
  const back = iconv.decode(body, name, { stripBOM: false });
  if (back === text) return { body };
  let i = 0;
  while (i < text.length && text[i] === back[i]) i++;
  return { unencodableAt: i };
}

function withBom(body: Buffer, name: string, bom: boolean): Uint8Array {
  const mark = bom ? BOMS.find((b) => b.encoding === name) : undefined;
  if (!mark) return new Uint8Array(body);
  const out = new Uint8Array(mark.bytes.length + body.length);
  out.set(mark.bytes, 0);
  out.set(body, mark.bytes.length);
  return out;
}

/**
 * Encodes text for saving, with a byte-order mark when asked (Unicode encodings only; legacy encodings have
 * none, so `bom` is ignored there). Text the encoding cannot hold is refused rather than saved with “?”.
 */
export function encode(text: string, encoding: string, bom: boolean): Uint8Array {
  const name = savingName(encoding);
  const encoded = encodeBody(text, name);
  if ('body' in encoded) return withBom(encoded.body, name, bom);
  const code = text.codePointAt(encoded.unencodableAt) ?? 0;
  const ch = String.fromCodePoint(code);
  const { line, column } = lineAndColumn(text, encoded.unencodableAt);
  throw new RedlineError(
    'bad_input',
    `${name} cannot hold “${ch}” (U+${code.toString(16).toUpperCase().padStart(4, '0')}, line ${line}, column ${column}); save as UTF-8 instead.`,
  );
}

/**
 * Encodes an XML document as `encode` does, writing each character the encoding cannot hold as a character
 * reference (`&#8211;`) in text and attribute values; one elsewhere (inside a tag or comment) is refused.
 */
export function encodeXml(text: string, encoding: string, bom: boolean): Uint8Array {
  const name = savingName(encoding);
  const encoded = encodeBody(text, name);
  if ('body' in encoded) return withBom(encoded.body, name, bom);
  const known = new Map<string, boolean>();
  const canEncode = (char: string): boolean => {
    let fits = known.get(char);
    if (fits === undefined) {
      fits = iconv.decode(iconv.encode(char, name, { addBOM: false }), name, { stripBOM: false }) === char;
      known.set(char, fits);
    }
    return fits;
  };
  return encode(referenceUnencodable(text, canEncode), name, bom);
}

/**
 * Reading a file the editor chose, as import reads it: its bytes, its format (the one asked for, else by
 * extension and content), its text decoded (the encoding given, else detected), and a structured format parsed
 * into units. Nothing is stored: this is the part of an import that needs no store, so the app runs it in a
 * worker thread (fileReadWorker.ts) and the CLI and tests in their own thread.
 */
import { basename } from 'node:path';
import { formatById, formatFor, formatForFile, isBinaryFormat, type AnyFormatHandler } from '../core/formats/registry';
import type { FormatImportOptions, ImportOptionKind, ParsedUnit } from '../core/formats/types';
import type { DeclaredLanguages } from '../core/model/languageTag';
import { RedlineError } from '../core/model/errors';
import { textParts } from '../core/model/textParts';
import { detectAndDecode, type DecodedFile } from './encoding';
import { MAX_INPUT_BYTES, maxInputBytes, readInputFile, tooLarge } from './files';

/**
 * A format, an encoding, and the options the format declares (core/formats/types: a TMX's languages, a table's
 * columns); an option the format does not take is ignored.
 */
export interface ImportOptions extends FormatImportOptions {
  /** A format id; by default the file's extension decides. */
  format?: string;
  /** An encoding name; by default it is detected. */
  encoding?: string;
}

/**
 * Characters of a skeleton per part: a part is posted from the reading thread and stored as one write of an
 * import step (documentImport.ts), a few ms; 1M-character parts took 10–30 ms on a loaded machine.
 */
export const SKELETON_PART_CHARS = 1 << 18;

/** A format's skeleton as the JSON the store keeps, in parts. */
const skeletonParts = (skeleton: unknown): string[] => textParts(JSON.stringify(skeleton), SKELETON_PART_CHARS);

/**
 * A file read for import: a text to split into sentences (plain text), or the units a structured format parsed,
 * with its skeleton already as the JSON the store keeps (a Trados file's runs to tens of MB).
 */
export type FileRead =
  | { kind: 'text'; fileName: string; text: string; encoding: string; hasBom: boolean }
  | {
      kind: 'parsed';
      fileName: string;
      format: string;
      units: ParsedUnit[];
      /** The skeleton as the JSON the store keeps, in parts of SKELETON_PART_CHARS: stored a part a step. */
      skeletonParts: string[];
      languages: DeclaredLanguages | undefined;
      encoding: string;
      hasBom: boolean;
    };

/**
 * A file's bytes, the handler for it (the format asked for, else by extension and content) and its text,
 * decoded once on demand (detected unless an encoding is given).
 */
export function readFile(path: string, options: { format?: string; encoding?: string } = {}) {
  const name = basename(path);
  const bytes = readInputFile(path, maxInputBytes(name, options.format));
  let decoded: DecodedFile | undefined;
  const decode = (): DecodedFile => (decoded ??= detectAndDecode(bytes, name, options.encoding));
  const handler: AnyFormatHandler = options.format ? formatById(options.format) : formatFor(name, bytes, () => decode().text);
  // A name ending .sdlxliff allows SDLXLIFF's size: anything else it turns out to be has everyone's.
  if (handler.id !== 'sdlxliff' && bytes.length > MAX_INPUT_BYTES) throw tooLarge(name, bytes.length, MAX_INPUT_BYTES);
  return { name, bytes, handler, decode };
}

/** Of the options given, those the format declares it takes. */
function formatOptions(kinds: readonly ImportOptionKind[], options: ImportOptions): FormatImportOptions {
  return {
    ...(kinds.includes('languages') && options.languages && { languages: options.languages }),
    ...(kinds.includes('columns') && options.columns && { columns: options.columns }),
    ...(kinds.includes('missingTargets') && options.missingTargets && { missingTargets: options.missingTargets }),
  };
}

/** Reads, decodes and parses a file for import, or says clearly why it cannot be. */
export function readForImport(path: string, options: ImportOptions = {}): FileRead {
  const { name, bytes, handler, decode } = readFile(path, options);
  if (isBinaryFormat(handler)) {
    const parsed = handler.parseBytes(bytes, name);
    const { units, format, languages } = parsed;
    return { kind: 'parsed', fileName: name, format, units, skeletonParts: skeletonParts(parsed.skeleton), languages, encoding: 'binary', hasBom: false };
  }
  const decoded = decode();
  if (decoded.text.trim().length === 0) throw new RedlineError('bad_input', `${name} is empty: there is no text to review.`);
  const read = { fileName: name, encoding: decoded.encoding, hasBom: decoded.bom };
  if (handler.sentences) return { kind: 'text', ...read, text: decoded.text };
  const parsed = handler.parse(decoded.text, name, formatOptions(handler.importOptions, options));
  const { units, format, languages } = parsed;
  return { kind: 'parsed', ...read, format, units, skeletonParts: skeletonParts(parsed.skeleton), languages };
}

/** An MT text and its source text, decoded, to split and align. */
export interface PairRead {
  mt: { fileName: string; text: string; encoding: string; hasBom: boolean };
  source: { fileName: string; text: string };
}

/** A text file decoded (the encoding given, else detected), refused when it holds no text to align. */
function readTextToAlign(path: string, encoding: string | undefined): DecodedFile {
  const decoded = detectAndDecode(readInputFile(path), basename(path), encoding);
  if (decoded.text.trim().length === 0) throw new RedlineError('bad_input', `${basename(path)} is empty: there is no text to align.`);
  return decoded;
}

/** Reads a plain-text MT and its source text for alignment; other formats bring their own segments. */
export function readPairForImport(mtPath: string, sourcePath: string, options: ImportOptions = {}, sourceEncoding?: string): PairRead {
  const mtName = basename(mtPath);
  const handler = options.format ? formatById(options.format) : formatForFile(mtName);
  if (!handler.importOptions.includes('alignment')) {
    throw new RedlineError('bad_input', `${mtName} is read as ${handler.label}, which brings its own segments: a source text is aligned only with plain text.`);
  }
  const mt = readTextToAlign(mtPath, options.encoding);
  const source = readTextToAlign(sourcePath, sourceEncoding);
  return {
    mt: { fileName: mtName, text: mt.text, encoding: mt.encoding, hasBom: mt.bom },
    source: { fileName: basename(sourcePath), text: source.text },
  };
}

/** What importing a file would take it for: its format and encoding as detected, and how its start reads. */
export function inspectFile(path: string, options: ImportOptions = {}) {
  const name = basename(path);
  const { handler, bytes, decode } = readFile(path, options);
  if (isBinaryFormat(handler)) {
    // A binary format has no text encoding: its preview is its first sentences.
    const parsed = handler.parseBytes(bytes, name);
    const preview = parsed.units.slice(0, 6).map((u) => u.target).join('\n');
    return { fileName: name, format: handler.id, encoding: 'binary', confidence: 1, lineEnding: 'none', preview };
  }
  const decoded = decode();
  // What the editor may choose besides format and encoding, as the format finds it in the file.
  const choices = handler.inspect?.(decoded.text, name) ?? {};
  return {
    fileName: name,
    format: handler.id,
    encoding: decoded.encoding,
    confidence: decoded.confidence,
    lineEnding: decoded.lineEnding,
    preview: decoded.text.slice(0, 600),
    languages: choices.languages,
    sourceLang: choices.sourceLang,
    columns: choices.columns,
    mapping: choices.mapping,
  };
}

export type FileInspection = ReturnType<typeof inspectFile>;

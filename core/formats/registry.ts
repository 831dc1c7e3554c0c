import { RedlineError } from '../model/errors';
import { docxFormat, type BinaryFormatHandler } from './docx';
import { markdownFormat } from './markdown';
import { textFormat } from './plainText';
import { poFormat } from './po';
import { csvFormat } from './table';
import { tmxFormat } from './tmx';
import { sniffBytes, sniffText } from './sniff';
import type { FormatHandler, FormatId } from './types';
import { mqxliffFormat, sdlxliffFormat, xliffFormat } from './xliff';

/** A handler of a text format (it reads decoded text) or of a binary one (it reads the file's bytes). */
export type AnyFormatHandler = FormatHandler | BinaryFormatHandler;

export const isBinaryFormat = (handler: AnyFormatHandler): handler is BinaryFormatHandler => 'parseBytes' in handler;

/**
 * Every format Redline reads and writes, and the one place that picks a handler: by id, or by a file's
 * extension (plain text when nothing else claims it).
 */
export const FORMATS: readonly AnyFormatHandler[] = [
  textFormat,
  markdownFormat,
  xliffFormat,
  sdlxliffFormat,
  mqxliffFormat,
  tmxFormat,
  csvFormat,
  poFormat,
  docxFormat,
] as readonly AnyFormatHandler[];

export function formatById(id: string): AnyFormatHandler {
  const found = FORMATS.find((f) => f.id === id);
  if (!found) {
    throw new RedlineError('bad_input', `Unknown format “${id}”; Redline reads ${FORMATS.map((f) => f.id).join(', ')}.`);
  }
  return found;
}

const byExtension = (name: string): AnyFormatHandler | undefined => {
  const extension = /\.([^./\\]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  return FORMATS.find((f) => f.extensions.includes(extension));
};

export function formatForFile(name: string): AnyFormatHandler {
  return byExtension(name) ?? textFormat;
}

/** The handler a text's content calls for (an XLIFF, SDLXLIFF or TMX root element), if any. */
export function formatForContent(text: string): AnyFormatHandler | null {
  const sniffed = sniffText(text);
  return sniffed && 'format' in sniffed ? formatById(sniffed.format) : null;
}

/** Formats whose content the sniffer recognises, so an extension naming one of them may be overruled. */
const SNIFFABLE = new Set<string>(['text', 'xliff', 'sdlxliff', 'mqxliff', 'tmx']);

const refuse = (name: string, what: string): RedlineError =>
  new RedlineError(
    'bad_input',
    `${name} looks like ${what}, which Redline does not read; it reads ${FORMATS.map((f) => f.label).join(', ')}.`,
  );

/**
 * The handler for a file, by its extension corrected by its content: a ZIP holding word/document.xml is a Word
 * document, an <xliff> root with Trados' namespace SDLXLIFF (with memoQ's, MQXLIFF), a <tmx> root TMX, whatever the name says (a name
 * claiming a format the content cannot be, such as .txt, .xlf or none, gives way). A file that looks like
 * something Redline does not read (HTML, PDF, images, other ZIP packages) is refused, naming what it looks like,
 * unless its extension names a format that may hold such text (Markdown with HTML in it). `text` decodes the
 * file, called only when the bytes did not decide.
 */
export function formatFor(name: string, bytes: Uint8Array, text: () => string): AnyFormatHandler {
  const named = byExtension(name);
  const binary = sniffBytes(bytes);
  if (binary && 'format' in binary) return formatById(binary.format);
  if (binary) throw refuse(name, binary.unsupported);
  if (named && isBinaryFormat(named)) return named; // its parser says what is wrong with it
  const mayOverrule = !named || SNIFFABLE.has(named.id);
  const content = mayOverrule ? sniffText(text()) : null;
  if (content && 'format' in content) return formatById(content.format);
  if (content) throw refuse(name, content.unsupported);
  return named ?? textFormat;
}

export const isFormatId = (id: string): id is FormatId => FORMATS.some((f) => f.id === id);

/**
 * Whether a file exported in its own format carries the editor's notes (FormatHandler.carriesNotes): plain XLIFF,
 * PO and TMX do; Trados' and memoQ's files, Word documents, text, Markdown and tables leave them out.
 */
export const carriesNotes = (id: string): boolean => FORMATS.some((f) => f.id === id && 'carriesNotes' in f && f.carriesNotes === true);

/** Whether the format holds source and target (XLIFF, PO, TMX, a table): its export is the file itself with the corrections in it. */
export const isBilingual = (id: string): boolean => FORMATS.some((f) => f.id === id && f.bilingual);

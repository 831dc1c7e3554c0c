import { RedlineError } from '../model/errors';
import { docxFormat, type BinaryFormatHandler } from './docx';
import { markdownFormat } from './markdown';
import { textFormat } from './plainText';
import { poFormat } from './po';
import { csvFormat } from './table';
import { tmxFormat } from './tmx';
import type { FormatHandler, FormatId } from './types';
import { xliffFormat } from './xliff';

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

export function formatForFile(name: string): AnyFormatHandler {
  const extension = /\.([^./\\]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  return FORMATS.find((f) => f.extensions.includes(extension)) ?? textFormat;
}

export const isFormatId = (id: string): id is FormatId => FORMATS.some((f) => f.id === id);

import { RedlineError } from '../model/errors';
import { textFormat } from './plainText';
import type { FormatHandler, FormatId } from './types';
import { xliffFormat } from './xliff';

/**
 * Every format Redline reads and writes, and the one place that picks a handler: by id, or by a file's
 * extension (plain text when nothing else claims it).
 */
export const FORMATS: readonly FormatHandler[] = [textFormat, xliffFormat] as readonly FormatHandler[];

export function formatById(id: string): FormatHandler {
  const found = FORMATS.find((f) => f.id === id);
  if (!found) {
    throw new RedlineError('bad_input', `Unknown format “${id}”; Redline reads ${FORMATS.map((f) => f.id).join(', ')}.`);
  }
  return found;
}

export function formatForFile(name: string): FormatHandler {
  const extension = /\.([^./\\]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  return FORMATS.find((f) => f.extensions.includes(extension)) ?? textFormat;
}

export const isFormatId = (id: string): id is FormatId => FORMATS.some((f) => f.id === id);

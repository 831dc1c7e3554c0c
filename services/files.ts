import { randomBytes } from 'node:crypto';
import { lstatSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RedlineError } from '../core/model/errors';
import { foundKind, writeStep, type Found } from './writeTarget';

/** Larger files are not sentence-by-sentence review work; refuse them before reading. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Trados' SDLXLIFF carries the original document, base64 in <internal-file>: text to the parser, no elements, so
 * 50,000 segments with their document make some 60 MB. What the parser builds stays bounded by the XML element
 * budget (core/formats/xml/limits.ts) whatever the size; bench/xmlBudget.ts measures a 59 MB SDLXLIFF of 50,000
 * segments and 40 MB embedded at about 240 MB of heap, and one at the element budget (44 MB) at about 470 MB.
 */
export const MAX_SDLXLIFF_BYTES = 64 * 1024 * 1024;

/** The size limit of a file by its name (or the format the editor chose): SDLXLIFF's, or everyone's. */
export const maxInputBytes = (name: string, format?: string): number =>
  format === 'sdlxliff' || (format === undefined && /\.sdlxliff$/i.test(name)) ? MAX_SDLXLIFF_BYTES : MAX_INPUT_BYTES;

/** The refusal of a file over a size limit. */
export function tooLarge(name: string, size: number, maxBytes: number): RedlineError {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new RedlineError('bad_input', `${name} is ${mb(size)} MB; Redline opens files up to ${mb(maxBytes)} MB.`);
}

/** The bytes of a file the editor chose, or a clear reason why it cannot be read. */
export function readInputFile(path: string, maxBytes = MAX_INPUT_BYTES): Uint8Array {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new RedlineError('bad_input', `${path} is a folder, not a file.`);
    if (!stats.isFile()) throw new RedlineError('bad_input', `${path} is not a regular file.`);
    size = stats.size;
  } catch (error) {
    if (error instanceof RedlineError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new RedlineError('not_found', `${path} does not exist.`);
    throw new RedlineError('io', `${path} cannot be read (${code ?? 'unknown error'}).`);
  }
  if (size > maxBytes) throw tooLarge(basename(path), size, maxBytes);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new RedlineError('io', `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
}

/** A hidden, unique name beside `path` (same folder, so renaming it onto `path` is atomic). */
export const temporarySibling = (path: string): string => join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);

/** The error for a write to `path` that the system refused, with its code. */
export const cannotWrite = (path: string, error: unknown) =>
  new RedlineError('io', `Cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);

/** What is at `path`, not following a link. Nothing when lstat fails: the write there then fails with the reason. */
function foundAt(chosen: string, path: string): Found {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    return { kind: 'nothing' };
  }
  const kind = foundKind(stats);
  if (kind !== 'link') return { kind };
  try {
    return { kind, to: readlinkSync(path) };
  } catch (error) {
    throw cannotWrite(chosen, error);
  }
}

/**
 * The path a write to `path` must rename its file onto (writeTarget.ts): through links to the file they end at.
 * Throws bad_input when that is a folder, a device or another non-regular file.
 */
export function writablePath(path: string): string {
  for (let links = 0, at = path; ; links++) {
    const step = writeStep(path, at, foundAt(path, at), links);
    if (step.kind === 'write') return step.path;
    if (step.kind === 'refuse') throw new RedlineError('bad_input', step.message);
    at = step.path;
  }
}

/**
 * Writes a file so that it is either wholly the new content or untouched: a temp file, then a rename. Through a
 * link, the file it leads to is written (the link stays); a folder or device is refused before anything is written.
 */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  const target = writablePath(path);
  const temp = temporarySibling(target);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw cannotWrite(path, error);
  }
}

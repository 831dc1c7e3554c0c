import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RedlineError } from '../core/model/errors';

/** Larger files are not sentence-by-sentence review work; refuse them before reading. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

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
  if (size > maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new RedlineError('bad_input', `${basename(path)} is ${mb(size)} MB; Redline opens files up to ${mb(maxBytes)} MB.`);
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw new RedlineError('io', `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
}

/** A hidden, unique name beside `path` (same folder, so renaming it onto `path` is atomic). */
export const temporarySibling = (path: string): string => join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);

/** Writes a file so that it is either wholly the new content or untouched: a temp file, then a rename. */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  const temp = temporarySibling(path);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new RedlineError('io', `Cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
}

import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { ZipEntry } from './safeUnzip';

/**
 * Writes a ZIP package of the entries in the order given. fflate's zipSync takes an object keyed by name, which
 * loses an entry named `__proto__` (the assignment sets the object's prototype, and its array's fields come out
 * as entries `0`, `1/`, `1/level/`) and puts number-like names (`7`) first, as every JS object orders them: the
 * streaming writer takes one entry at a time, so every name and the order survive. Its entries carry their sizes
 * and checksums in a data descriptor after the data, which every ZIP reader (Word among them) handles.
 */
export function zipEntries(entries: readonly ZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure ??= error;
    else chunks.push(chunk);
  });
  for (const entry of entries) {
    // Stored entries stay stored (an image or a part a tool wrote uncompressed), the rest are deflated.
    const file = entry.stored ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, { level: 6 });
    zip.add(file);
    file.push(entry.data, true);
  }
  zip.end();
  if (failure) throw failure;
  const out = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

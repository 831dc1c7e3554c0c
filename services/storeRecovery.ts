import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { salvageDocuments, type SalvageOptions, type SkippedDocument } from '../db/salvage';

/**
 * What can be done with a store SQLite found damaged, besides restoring a backup: export every document that
 * can still be read, and set the damaged file aside to start again with an empty store. Both work on the file
 * alone (the app has no open connection to a damaged store).
 */

export type { SkippedDocument } from '../db/salvage';

export interface ExportedDocument {
  title: string;
  sentences: number;
  /** File names written in the chosen folder: the corrected text, and source/MT/correction side by side. */
  files: string[];
}

export interface ReadableExport {
  exported: ExportedDocument[];
  skipped: SkippedDocument[];
}

/** A file name from a title: no folder separators or characters Windows refuses, and not too long. */
const safeName = (title: string): string =>
  // eslint-disable-next-line no-control-regex
  title.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'document';

/** A name not taken yet in `folder`: `stem.ext`, else `stem (2).ext`, … */
function freeName(folder: string, stem: string, ext: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stem}${ext}` : `${stem} (${n})${ext}`;
    if (!existsSync(join(folder, name))) return name;
  }
}

/**
 * Reads every document of the (damaged) store at `storePath` that can still be read, writing for each a plain
 * text file (the corrected sentences with the file's own spacing) and a bilingual tab-separated file (position,
 * source, machine translation, correction, status) into `folder`, never over an existing file. A document whose
 * sentences cannot all be read is skipped and named with SQLite's reason (db/salvage.ts).
 */
export function exportReadable(storePath: string, folder: string, options: SalvageOptions = {}): ReadableExport {
  mkdirSync(folder, { recursive: true });
  const exported: ExportedDocument[] = [];
  const skipped = salvageDocuments(
    storePath,
    (document) => {
      const stem = safeName(document.title);
      const textName = freeName(folder, stem, '.txt');
      const text = document.leading + document.sentences.map((s) => s.currentText + s.trailing).join('');
      writeFileSync(join(folder, textName), text, { flag: 'wx' });
      const tableName = freeName(folder, stem, '.bilingual.tsv');
      const table = Papa.unparse(
        {
          fields: ['position', 'source', 'machine translation', 'correction', 'status'],
          data: document.sentences.map((s) => [s.position, s.sourceText ?? '', s.mtText, s.currentText, s.status]),
        },
        { delimiter: '\t', newline: '\n' },
      );
      writeFileSync(join(folder, tableName), `${table}\n`, { flag: 'wx' });
      exported.push({ title: document.title, sentences: document.sentences.length, files: [textName, tableName] });
    },
    options,
  );
  return { exported, skipped };
}

/**
 * Moves the store (with its WAL and shared-memory files) aside as `<store>.damaged-<now>`, so the next open
 * starts an empty one; returns where it went. Nothing is deleted.
 */
export function setDamagedStoreAside(storePath: string, now: number): string {
  const aside = `${storePath}.damaged-${now}`;
  if (existsSync(storePath)) renameSync(storePath, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(storePath + suffix)) renameSync(storePath + suffix, aside + suffix);
  }
  return aside;
}

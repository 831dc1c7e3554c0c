import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';

/**
 * What can be done with a store SQLite found damaged, besides restoring a backup: export every document that
 * can still be read, and set the damaged file aside to start again with an empty store. Both work on the file
 * alone (the app has no open connection to a damaged store).
 */

export interface RecoveryOptions {
  nativeBinding?: string | undefined;
}

export interface ExportedDocument {
  title: string;
  sentences: number;
  /** File names written in the chosen folder: the corrected text, and source/MT/correction side by side. */
  files: string[];
}

export interface SkippedDocument {
  /** Null when not even the document's title could be read. */
  title: string | null;
  reason: string;
}

export interface ReadableExport {
  exported: ExportedDocument[];
  skipped: SkippedDocument[];
}

interface DocumentRow {
  id: number;
  title: string;
  leading: string;
  importing?: number;
}

interface SegmentRow {
  position: number;
  source_text: string | null;
  mt_text: string;
  current_text: string;
  trailing: string;
  status: string;
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Collects rows until SQLite stops on a damaged page; says whether the whole result was read. */
function readAll<T>(statement: Database.Statement, ...params: unknown[]): { rows: T[]; error: unknown } {
  const rows: T[] = [];
  try {
    for (const row of statement.iterate(...params)) rows.push(row as T);
    return { rows, error: null };
  } catch (error) {
    return { rows, error };
  }
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
 * source, machine translation, correction, status) into `folder`. A document whose sentences cannot all be
 * read is skipped and named with SQLite's reason, never written in part.
 */
export function exportReadable(storePath: string, folder: string, options: RecoveryOptions = {}): ReadableExport {
  mkdirSync(folder, { recursive: true });
  const db = new Database(storePath, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const exported: ExportedDocument[] = [];
  const skipped: SkippedDocument[] = [];
  try {
    const documents = readAll<DocumentRow>(db.prepare('SELECT * FROM documents ORDER BY id'));
    if (documents.error !== null) {
      skipped.push({ title: null, reason: `the list of documents could be read only in part (${reasonOf(documents.error)})` });
    }
    // The index on (document_id, position) may be what is damaged: the table is then read without it.
    const byIndex = db.prepare('SELECT position, source_text, mt_text, current_text, trailing, status FROM segments WHERE document_id = ? ORDER BY position');
    const byTable = db.prepare('SELECT position, source_text, mt_text, current_text, trailing, status FROM segments NOT INDEXED WHERE document_id = ? ORDER BY position');
    for (const document of documents.rows) {
      if (document.importing === 1) continue; // cut short by a crash: never part of the library
      let read = readAll<SegmentRow>(byIndex, document.id);
      if (read.error !== null) read = readAll<SegmentRow>(byTable, document.id);
      if (read.error !== null) {
        skipped.push({ title: document.title, reason: reasonOf(read.error) });
        continue;
      }
      const stem = safeName(document.title);
      const textName = freeName(folder, stem, '.txt');
      const text = document.leading + read.rows.map((s) => s.current_text + s.trailing).join('');
      writeFileSync(join(folder, textName), text, { flag: 'wx' });
      const tableName = freeName(folder, stem, '.bilingual.tsv');
      const table = Papa.unparse(
        {
          fields: ['position', 'source', 'machine translation', 'correction', 'status'],
          data: read.rows.map((s) => [s.position, s.source_text ?? '', s.mt_text, s.current_text, s.status]),
        },
        { delimiter: '\t', newline: '\n' },
      );
      writeFileSync(join(folder, tableName), `${table}\n`, { flag: 'wx' });
      exported.push({ title: document.title, sentences: read.rows.length, files: [textName, tableName] });
    }
  } catch (error) {
    // Not even the schema could be read: nothing to export, and say why.
    skipped.push({ title: null, reason: reasonOf(error) });
  } finally {
    db.close();
  }
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

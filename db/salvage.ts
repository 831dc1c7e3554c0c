import Database from 'better-sqlite3';

/**
 * Reading what can still be read out of a store SQLite found damaged, one document at a time, through a
 * read-only connection of its own (the app holds none to a damaged store). A document whose sentences cannot all
 * be read is reported as skipped with SQLite's reason, never handed over in part.
 */

export interface SalvageOptions {
  nativeBinding?: string | undefined;
}

export interface SalvagedSentence {
  position: number;
  sourceText: string | null;
  mtText: string;
  currentText: string;
  trailing: string;
  status: string;
}

export interface SalvagedDocument {
  title: string;
  /** Whitespace before the first sentence. */
  leading: string;
  sentences: SalvagedSentence[];
}

export interface SkippedDocument {
  /** Null when not even the document's title could be read. */
  title: string | null;
  reason: string;
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

/** Collects rows until SQLite stops on a damaged page; `error` is null when the whole result was read. */
function readAll<T>(statement: Database.Statement, ...params: unknown[]): { rows: T[]; error: unknown } {
  const rows: T[] = [];
  try {
    for (const row of statement.iterate(...params)) rows.push(row as T);
    return { rows, error: null };
  } catch (error) {
    return { rows, error };
  }
}

const COLUMNS = 'position, source_text, mt_text, current_text, trailing, status';

/** Hands every readable document of the store at `storePath` to `onDocument`; returns what was skipped and why. */
export function salvageDocuments(storePath: string, onDocument: (document: SalvagedDocument) => void, options: SalvageOptions = {}): SkippedDocument[] {
  const skipped: SkippedDocument[] = [];
  let db: Database.Database | null = null;
  try {
    db = new Database(storePath, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
    const documents = readAll<DocumentRow>(db.prepare('SELECT * FROM documents ORDER BY id'));
    if (documents.error !== null) {
      skipped.push({ title: null, reason: `the list of documents could be read only in part (${reasonOf(documents.error)})` });
    }
    // The index on (document_id, position) may be what is damaged: the table is then read without it.
    const byIndex = db.prepare(`SELECT ${COLUMNS} FROM segments WHERE document_id = ? ORDER BY position`);
    const byTable = db.prepare(`SELECT ${COLUMNS} FROM segments NOT INDEXED WHERE document_id = ? ORDER BY position`);
    for (const document of documents.rows) {
      if (document.importing === 1) continue; // cut short by a crash: never part of the library
      let read = readAll<SegmentRow>(byIndex, document.id);
      if (read.error !== null) read = readAll<SegmentRow>(byTable, document.id);
      if (read.error !== null) {
        skipped.push({ title: document.title, reason: reasonOf(read.error) });
        continue;
      }
      onDocument({
        title: document.title,
        leading: document.leading,
        sentences: read.rows.map((s) => ({
          position: s.position,
          sourceText: s.source_text,
          mtText: s.mt_text,
          currentText: s.current_text,
          trailing: s.trailing,
          status: s.status,
        })),
      });
    }
  } catch (error) {
    // Not even the schema could be read (the header overwritten): nothing to hand over, and say why.
    skipped.push({ title: null, reason: reasonOf(error) });
  } finally {
    db?.close();
  }
  return skipped;
}

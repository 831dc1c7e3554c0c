import type { Database } from 'better-sqlite3';
import type { DocumentSummary } from '../../core/model/document';
import type { SegmentStatus } from '../../core/model/segment';

export interface NewDocument {
  title: string;
  fileName: string;
  format: string;
  leading: string;
  hasBom: boolean;
  createdAt: number;
  /** The format handler's skeleton (JSON), for formats other than plain text. */
  skeleton?: string | null;
  encoding?: string;
  /** Stored in steps: hidden until `finishImport`, removed by `removeImport` (after a crash, the next start removes what `unfinishedIds` lists). */
  importing?: boolean;
  /** The languages the file declares; null (or left out) means "detect". */
  sourceLang?: string | null;
  targetLang?: string | null;
}

/** What export needs besides the segments. */
export interface DocumentLayout {
  id: number;
  fileName: string;
  format: string;
  leading: string;
  hasBom: boolean;
  skeleton: string | null;
  encoding: string;
}

// The counts are the counters kept on the document row by the writes (migration 0009): no aggregate over sentences.
const SUMMARY = `
  SELECT d.id, d.title, d.file_name AS fileName, d.format, d.encoding, d.created_at AS createdAt, d.opened_at AS openedAt,
         d.segment_count AS segmentCount, d.changed_count AS editedCount,
         d.status_confirmed + d.status_approved AS confirmedCount, d.empty_count AS emptyCount, d.notes_placed AS notesPlaced
  FROM documents d`;

type SummaryRow = Omit<DocumentSummary, 'notesPlaced'> & { notesPlaced: number };
const toSummary = (row: SummaryRow): DocumentSummary => ({ ...row, notesPlaced: row.notesPlaced === 1 });

export function documentsRepository(db: Database) {
  const insert = db.prepare(
    `INSERT INTO documents (title, file_name, format, leading, has_bom, created_at, opened_at, encoding, importing, source_lang, target_lang)
     VALUES (@title, @fileName, @format, @leading, @hasBom, @createdAt, @createdAt, @encoding, @importing, @sourceLang, @targetLang)`,
  );
  // Apart from the document row, which every write rewrites to keep its counters (see migration 0013), and in
  // parts, a part an import step (migration 0026).
  const insertSkeletonPart = db.prepare('INSERT INTO document_skeleton_parts (document_id, part, text) VALUES (?, ?, ?)');
  const skeletonParts = db.prepare('SELECT text FROM document_skeleton_parts WHERE document_id = ? ORDER BY part').pluck();
  const removeSkeletonParts = db.prepare(
    `DELETE FROM document_skeleton_parts WHERE document_id = @id
       AND part IN (SELECT part FROM document_skeleton_parts WHERE document_id = @id ORDER BY part LIMIT @parts)`,
  );
  const list = db.prepare(`${SUMMARY} WHERE d.importing = 0 ORDER BY d.opened_at DESC, d.id DESC`);
  const summary = db.prepare(`${SUMMARY} WHERE d.id = ? AND d.importing = 0`);
  const statusCounts = db.prepare(
    `SELECT status_not_started AS not_started, status_edited AS edited, status_confirmed AS confirmed,
            status_approved AS approved, status_rejected AS rejected
     FROM documents WHERE id = ? AND importing = 0`,
  );
  const layout = db.prepare(
    `SELECT d.id, d.file_name AS fileName, d.format, d.leading, d.has_bom AS hasBom, d.encoding
     FROM documents d WHERE d.id = ? AND d.importing = 0`,
  );
  const exists = db.prepare('SELECT 1 FROM documents WHERE id = ? AND importing = 0').pluck();
  const formatOf = db.prepare('SELECT format FROM documents WHERE id = ? AND importing = 0').pluck();
  const targetWords = db.prepare('SELECT target_words FROM documents WHERE id = ? AND importing = 0').pluck();
  const touch = db.prepare('UPDATE documents SET opened_at = ? WHERE id = ?');
  const rename = db.prepare('UPDATE documents SET title = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM documents WHERE id = ? AND importing = 0');
  const importing = db.prepare('SELECT 1 FROM documents WHERE id = ? AND importing = 1');
  const finishImport = db.prepare('UPDATE documents SET importing = 0 WHERE id = ? AND importing = 1');
  const removeImport = db.prepare('DELETE FROM documents WHERE id = ? AND importing = 1');
  const unfinished = db.prepare('SELECT id FROM documents WHERE importing = 1 ORDER BY id').pluck();
  const setAside = db.prepare('UPDATE documents SET importing = 1 WHERE id = ? AND importing = 0');

  return {
    /** The document row and its skeleton (as one part), both or neither (a savepoint when a transaction is open). */
    insert: db.transaction((doc: NewDocument): number => {
      const { skeleton = null, ...rest } = doc;
      const id = Number(insert.run({ encoding: 'utf-8', sourceLang: null, targetLang: null, ...rest, hasBom: doc.hasBom ? 1 : 0, importing: doc.importing ? 1 : 0 }).lastInsertRowid);
      if (skeleton !== null) insertSkeletonPart.run(id, 0, skeleton);
      return id;
    }),
    /** Appends part `part` of a document's skeleton (an import stores a large one a part a step). */
    addSkeletonPart(id: number, part: number, text: string): void {
      insertSkeletonPart.run(id, part, text);
    },
    /** Removes up to `parts` parts of a document's skeleton, its first first (a deletion, a few a step); how many. */
    removeSkeletonParts(id: number, parts: number): number {
      return removeSkeletonParts.run({ id, parts }).changes;
    },
    /** Whether a finished document has this id: no row read beyond that (a layout carries the whole skeleton). */
    exists(id: number): boolean {
      return exists.get(id) !== undefined;
    },
    /** The format a finished document was imported in. */
    format(id: number): string | undefined {
      return formatOf.get(id) as string | undefined;
    },
    list(): DocumentSummary[] {
      return (list.all() as SummaryRow[]).map(toSummary);
    },
    summary(id: number): DocumentSummary | undefined {
      const row = summary.get(id) as SummaryRow | undefined;
      return row && toSummary(row);
    },
    /** The words of the document's current text as the MQM score counts them, from its counter (migration 0019). */
    targetWords(id: number): number | undefined {
      return targetWords.get(id) as number | undefined;
    },
    /** How many sentences have each status (statuses no sentence has left out), from the document's counters. */
    statusCounts(id: number): Partial<Record<SegmentStatus, number>> | undefined {
      const row = statusCounts.get(id) as Record<SegmentStatus, number> | undefined;
      return row && Object.fromEntries(Object.entries(row).filter(([, n]) => n > 0));
    },
    /** What export needs besides the segments, the skeleton's parts joined: read only to write the file. */
    layout(id: number): DocumentLayout | undefined {
      const row = layout.get(id) as (Omit<DocumentLayout, 'hasBom' | 'skeleton'> & { hasBom: number }) | undefined;
      if (!row) return undefined;
      const parts = skeletonParts.all(id) as string[];
      return { ...row, hasBom: row.hasBom === 1, skeleton: parts.length > 0 ? parts.join('') : null };
    },
    rename(id: number, title: string): void {
      rename.run(title, id);
    },
    /** Deletes a document and, by cascade, everything that belongs to it (never one still being imported). */
    remove(id: number): boolean {
      return remove.run(id).changes > 0;
    },
    /** Whether this id is a staged import still under way (hidden, not yet finished or removed). */
    isImporting(id: number): boolean {
      return importing.get(id) !== undefined;
    },
    /** The last sentence of a staged import is stored: the document appears. */
    finishImport(id: number): boolean {
      return finishImport.run(id).changes > 0;
    },
    /** Removes a staged import that was cancelled or failed (never a finished document that took its id). */
    removeImport(id: number): boolean {
      return removeImport.run(id).changes > 0;
    },
    /**
     * A document about to be deleted a few sentences at a time: hidden as an unfinished import is, so that a crash
     * part way leaves it among `unfinishedIds` for the next start, never half there. Finished by `removeImport`.
     */
    setAside(id: number): boolean {
      return setAside.run(id).changes > 0;
    },
    /** The hidden documents: imports unfinished (cut short by a crash) and deletions under way. */
    unfinishedIds(): number[] {
      return unfinished.all() as number[];
    },
    markOpened(id: number, at: number): void {
      touch.run(at, id);
    },
  };
}

export type DocumentsRepository = ReturnType<typeof documentsRepository>;

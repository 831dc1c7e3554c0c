import type { Database } from 'better-sqlite3';
import { searchTermsRepository } from './searchTerms';

/** One note per sentence, for the next reviewer or the client; an empty note is no note. */
export function notesRepository(db: Database) {
  const upsert = db.prepare(
    `INSERT INTO notes (segment_id, text, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (segment_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM notes WHERE segment_id = ?');
  // A sentence an import has just stored, found by its place (segments' UNIQUE (document_id, position)).
  const insertAt = db.prepare(
    'INSERT INTO notes (segment_id, text, updated_at) SELECT id, ?, ? FROM segments WHERE document_id = ? AND position = ?',
  );
  // The note's words, recorded by migration 0016's triggers, moved to search_terms by the writes.
  const searchTerms = searchTermsRepository(db);
  const get = db.prepare('SELECT text FROM notes WHERE segment_id = ?');
  const ofDocument = db.prepare(
    `SELECT n.segment_id AS segmentId, n.text FROM notes n JOIN segments s ON s.id = n.segment_id
     WHERE s.document_id = ? ORDER BY s.position`,
  );

  return {
    set(segmentId: number, text: string, at: number): void {
      if (text.trim() === '') remove.run(segmentId);
      else {
        upsert.run(segmentId, text, at);
        searchTerms.written();
      }
    },
    /**
     * The notes a file brings for sentences an import has just stored (a Redline export's, read back), by their
     * positions; an empty one is none. Meant for the import's transaction, after the sentences' rows.
     */
    insertImported(documentId: number, notes: ReadonlyArray<{ position: number; text: string }>, at: number): void {
      let written = 0;
      for (const { position, text } of notes) {
        if (text.trim() === '') continue;
        written += insertAt.run(text, at, documentId, position).changes;
      }
      // Their words into search_terms at once, as the sentences' are (segments.insertImported).
      if (written > 0) searchTerms.drain();
    },
    get(segmentId: number): string {
      return (get.get(segmentId) as { text: string } | undefined)?.text ?? '';
    },
    /** segment id → note, for the sentences of a document that have one. */
    ofDocument(documentId: number): Map<number, string> {
      const rows = ofDocument.all(documentId) as Array<{ segmentId: number; text: string }>;
      return new Map(rows.map((r) => [r.segmentId, r.text]));
    },
  };
}

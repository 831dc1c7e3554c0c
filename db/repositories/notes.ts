import type { Database } from 'better-sqlite3';
import { searchTermsRepository } from './searchTerms';

/** One note per sentence, for the next reviewer or the client; an empty note is no note. */
export function notesRepository(db: Database) {
  const upsert = db.prepare(
    `INSERT INTO notes (segment_id, text, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (segment_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM notes WHERE segment_id = ?');
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

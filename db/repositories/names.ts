import type { Database } from 'better-sqlite3';

/** The stored names index of checked documents: which sentences hold which capitalized words (migration 0010). */
export function namesRepository(db: Database) {
  const insert = db.prepare('INSERT OR IGNORE INTO segment_names (segment_id, document_id, name) VALUES (?, ?, ?)');
  const forget = db.prepare('DELETE FROM segment_names WHERE segment_id = ?');
  const clear = db.prepare('DELETE FROM segment_names WHERE document_id = ?');
  const ofSegment = db.prepare('SELECT name FROM segment_names WHERE segment_id = ? ORDER BY name').pluck();
  const users = db.prepare('SELECT segment_id FROM segment_names WHERE document_id = ? AND name = ?').pluck();

  return {
    /** Sets the words of sentences (each replacing what it had). The caller runs it in the write's transaction. */
    put(documentId: number, rows: ReadonlyArray<{ segmentId: number; names: readonly string[] }>, fresh = false): void {
      for (const row of rows) {
        if (!fresh) forget.run(row.segmentId);
        for (const name of row.names) insert.run(row.segmentId, documentId, name);
      }
    },
    clear(documentId: number): void {
      clear.run(documentId);
    },
    ofSegment: (segmentId: number): string[] => ofSegment.all(segmentId) as string[],
    /** The sentences of a document holding any of `names`, through the index: as many rows as they use. */
    users(documentId: number, names: readonly string[]): number[] {
      const out = new Set<number>();
      for (const name of names) for (const id of users.all(documentId, name) as number[]) out.add(id);
      return [...out];
    },
  };
}

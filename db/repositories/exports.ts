import type { Database } from 'better-sqlite3';

/** The exports made of a document: when, in what format, where. */
export function exportsRepository(db: Database) {
  const insert = db.prepare('INSERT INTO exports (document_id, format, path, created_at) VALUES (?, ?, ?, ?)');
  const last = db.prepare('SELECT created_at AS createdAt FROM exports WHERE document_id = ? ORDER BY created_at DESC, id DESC LIMIT 1');
  return {
    record(documentId: number, format: string, path: string, at: number): void {
      insert.run(documentId, format, path, at);
    },
    /** When the document was last exported, or null. */
    lastAt(documentId: number): number | null {
      return (last.get(documentId) as { createdAt: number } | undefined)?.createdAt ?? null;
    },
  };
}

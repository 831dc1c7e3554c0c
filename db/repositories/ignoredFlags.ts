import type { Database } from 'better-sqlite3';

/** Flags the editor dismissed, remembered per sentence and check. */
export function ignoredFlagsRepository(db: Database) {
  const add = db.prepare(
    'INSERT INTO ignored_flags (segment_id, check_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const remove = db.prepare('DELETE FROM ignored_flags WHERE segment_id = ? AND check_id = ?');
  const ofDocument = db.prepare(
    `SELECT i.segment_id AS segmentId, i.check_id AS checkId FROM ignored_flags i
     JOIN segments s ON s.id = i.segment_id WHERE s.document_id = ?`,
  );
  const ofSegment = db.prepare('SELECT check_id AS checkId FROM ignored_flags WHERE segment_id = ?');

  return {
    set(segmentId: number, checkId: string, ignored: boolean, at: number): void {
      if (ignored) add.run(segmentId, checkId, at);
      else remove.run(segmentId, checkId);
    },
    /** segment id → the checks ignored on it. */
    ofDocument(documentId: number): Map<number, Set<string>> {
      const map = new Map<number, Set<string>>();
      for (const { segmentId, checkId } of ofDocument.all(documentId) as Array<{ segmentId: number; checkId: string }>) {
        map.set(segmentId, (map.get(segmentId) ?? new Set()).add(checkId));
      }
      return map;
    },
    ofSegment(segmentId: number): Set<string> {
      return new Set((ofSegment.all(segmentId) as Array<{ checkId: string }>).map((r) => r.checkId));
    },
  };
}

import type { Database } from 'better-sqlite3';
import { ignoredKey } from '../../core/checks/ignoredFlags';

/**
 * Flags the editor dismissed, remembered per sentence, check and the words flagged (core/checks/ignoredFlags;
 * `words` NULL: the whole kind, as earlier releases stored them).
 */
export function ignoredFlagsRepository(db: Database) {
  const add = db.prepare(
    'INSERT INTO ignored_flags (segment_id, check_id, words, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const remove = db.prepare('DELETE FROM ignored_flags WHERE segment_id = ? AND check_id = ? AND words IS ?');
  const ofDocument = db.prepare(
    `SELECT i.segment_id AS segmentId, i.check_id AS checkId, i.words FROM ignored_flags i
     JOIN segments s ON s.id = i.segment_id WHERE s.document_id = ?`,
  );
  const ofSegment = db.prepare('SELECT check_id AS checkId, words FROM ignored_flags WHERE segment_id = ?');
  const countOf = db.prepare('SELECT COUNT(*) FROM ignored_flags WHERE segment_id = ?').pluck();
  const clearOf = db.prepare('DELETE FROM ignored_flags WHERE segment_id = ?');

  type Row = { segmentId: number; checkId: string; words: string | null };
  return {
    /** Ignores (or shows again) the flag of `checkId` on `words`; whole-kind rows (NULL) are only read. */
    set(segmentId: number, checkId: string, words: string, ignored: boolean, at: number): void {
      if (ignored) add.run(segmentId, checkId, words, at);
      else remove.run(segmentId, checkId, words);
    },
    /** segment id → the keys (ignoredKey) of the flags ignored on it. */
    ofDocument(documentId: number): Map<number, Set<string>> {
      const map = new Map<number, Set<string>>();
      for (const { segmentId, checkId, words } of ofDocument.all(documentId) as Row[]) {
        map.set(segmentId, (map.get(segmentId) ?? new Set()).add(ignoredKey(checkId, words)));
      }
      return map;
    },
    ofSegment(segmentId: number): Set<string> {
      return new Set((ofSegment.all(segmentId) as Row[]).map((r) => ignoredKey(r.checkId, r.words)));
    },
    /** How many ignores a sentence has (a whole kind, as earlier releases stored it, is one). */
    count(segmentId: number): number {
      return countOf.get(segmentId) as number;
    },
    /** Forgets every ignore of a sentence, whole kinds included; how many there were. */
    clear(segmentId: number): number {
      return clearOf.run(segmentId).changes;
    },
  };
}

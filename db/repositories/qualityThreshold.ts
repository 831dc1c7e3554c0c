import type { Database } from 'better-sqlite3';
import { RedlineError } from '../../core/model/errors';

/** A document's MQM pass mark (documents.quality_threshold, 0 … 100, 99 unless the editor set another). */
export function qualityThresholdRepository(db: Database) {
  const get = db.prepare('SELECT quality_threshold AS threshold FROM documents WHERE id = ?');
  const set = db.prepare('UPDATE documents SET quality_threshold = ? WHERE id = ?');
  const missing = (documentId: number) => new RedlineError('not_found', `There is no document with id ${documentId}.`);

  return {
    get(documentId: number): number {
      const row = get.get(documentId) as { threshold: number } | undefined;
      if (!row) throw missing(documentId);
      return row.threshold;
    },
    /** The table's CHECK refuses values outside 0 … 100; callers validate first for a clearer message. */
    set(documentId: number, value: number): void {
      if (set.run(value, documentId).changes === 0) throw missing(documentId);
    },
  };
}

import type { Database } from 'better-sqlite3';
import { NO_EFFORT, type Effort, type Revision, type RevisionOrigin } from '../../core/model/revision';

export function revisionsRepository(db: Database) {
  const append = db.prepare(
    `INSERT INTO revisions (segment_id, text, origin, created_at, edit_ms, keystrokes, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const forSegment = db.prepare(
    `SELECT id, segment_id AS segmentId, text, origin, created_at AS createdAt, edit_ms AS editMs, keystrokes,
            batch_id AS batchId
     FROM revisions WHERE segment_id = ? ORDER BY id`,
  );
  const ofBatch = db.prepare(
    `SELECT r.id, r.segment_id AS segmentId, r.text, r.origin, r.created_at AS createdAt, r.edit_ms AS editMs,
            r.keystrokes, r.batch_id AS batchId,
            (SELECT p.text FROM revisions p WHERE p.segment_id = r.segment_id AND p.id < r.id ORDER BY p.id DESC LIMIT 1)
              AS previousText
     FROM revisions r WHERE r.batch_id = ? ORDER BY r.id`,
  );

  return {
    append(
      segmentId: number,
      text: string,
      origin: RevisionOrigin,
      at: number,
      effort: Effort = NO_EFFORT,
      batchId: number | null = null,
    ): number {
      return Number(append.run(segmentId, text, origin, at, effort.editMs, effort.keystrokes, batchId).lastInsertRowid);
    },
    /** The revisions one batch wrote, each with the text its segment had just before. */
    ofBatch(batchId: number): Array<Revision & { previousText: string }> {
      return ofBatch.all(batchId) as Array<Revision & { previousText: string }>;
    },
    forSegment(segmentId: number): Revision[] {
      return forSegment.all(segmentId) as Revision[];
    },
  };
}

export type RevisionsRepository = ReturnType<typeof revisionsRepository>;

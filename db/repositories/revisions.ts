import type { Database } from 'better-sqlite3';
import { NO_EFFORT, type Effort, type Revision, type RevisionOrigin } from '../../core/model/revision';

export function revisionsRepository(db: Database) {
  const append = db.prepare(
    `INSERT INTO revisions (segment_id, text, origin, created_at, edit_ms, keystrokes)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const forSegment = db.prepare(
    `SELECT id, segment_id AS segmentId, text, origin, created_at AS createdAt, edit_ms AS editMs, keystrokes
     FROM revisions WHERE segment_id = ? ORDER BY id`,
  );

  return {
    append(segmentId: number, text: string, origin: RevisionOrigin, at: number, effort: Effort = NO_EFFORT): number {
      return Number(append.run(segmentId, text, origin, at, effort.editMs, effort.keystrokes).lastInsertRowid);
    },
    forSegment(segmentId: number): Revision[] {
      return forSegment.all(segmentId) as Revision[];
    },
  };
}

export type RevisionsRepository = ReturnType<typeof revisionsRepository>;

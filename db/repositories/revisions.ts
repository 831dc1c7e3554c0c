import type { Database } from 'better-sqlite3';
import { NO_EFFORT, type Effort, type Revision, type RevisionOrigin } from '../../core/model/revision';
import type { SegmentStatus } from '../../core/model/segment';

/** What a new revision records besides its text and origin. */
export interface RevisionDetails {
  effort?: Effort;
  batchId?: number | null;
  /** The status the sentence has after this revision. */
  status?: SegmentStatus | null;
  /** Why the sentence was rejected. */
  reason?: string | null;
}

/**
 * Any sentence whose text at @from differs from its text now has a revision written after @from (its text is its
 * newest revision's), so the candidates come from the time index; each one's text at @from is its newest
 * revision up to then (none: the sentence came later). An import revision is a sentence's first: a sentence whose
 * revisions since are imports came later, so they are not candidates. The sentences are looked up by id from that list: the
 * unary + keeps SQLite from walking every sentence of the document and probing the list instead (13 ms at 100k
 * sentences for five changes), INDEXED BY from reading the revisions in segment order to make them distinct.
 */
export const CHANGED_SINCE_SQL = `SELECT s.id AS segmentId, s.position, s.current_text AS after,
       (SELECT r.text FROM revisions r WHERE r.segment_id = s.id AND r.created_at <= @from ORDER BY r.id DESC LIMIT 1) AS before
     FROM segments s
     WHERE s.id IN (SELECT segment_id FROM revisions INDEXED BY revisions_worked_by_time WHERE created_at > @from AND origin <> 'import')
       AND +s.document_id = @documentId
     ORDER BY s.position`;

/**
 * Whether a document has a revision after an id. It walks the revisions after the id by rowid (the ones written
 * since), not the document's sentences: CROSS JOIN keeps that order (SQLite never reorders it), and NOT INDEXED
 * keeps SQLite from scanning every revision through an index instead (see REVISED_SINCE_SQL).
 */
export const DOCUMENT_REVISED_AFTER_SQL = `SELECT 1 FROM revisions r NOT INDEXED CROSS JOIN segments s ON s.id = r.segment_id
     WHERE r.id > ? AND s.document_id = ? LIMIT 1`;

/** A revision written by a batch, with the sentence's text and status just before it. */
export interface BatchRevision extends Revision {
  previousText: string;
  previousStatus: SegmentStatus | null;
}

/** A revision with where it belongs: for the document timeline. */
export interface TimelineEntry extends Revision {
  position: number;
  batchLabel: string | null;
}

const COLUMNS = `r.id, r.segment_id AS segmentId, r.text, r.origin, r.created_at AS createdAt, r.edit_ms AS editMs,
  r.keystrokes, r.batch_id AS batchId, r.status, r.reason`;

/**
 * A document's timeline: its revisions of some origins (@origins, a JSON array) from a moment, newest first, at most
 * @limit. It walks revisions newest first and stops at the limit. The editor's work (`worked`: the import is not
 * asked for) is walked through the document's own rows of it (migration 0023), so it costs this document's work,
 * not the store's; every origin, every revision by rowid. CROSS JOIN keeps that walk outside; SQLite would
 * otherwise walk the document's sentences and sort all their revisions (0.4 s at 100k).
 */
export function timelineSql(worked: boolean): string {
  const filter = 'r.origin IN (SELECT value FROM json_each(@origins)) AND r.created_at >= @since';
  return worked
    ? `SELECT ${COLUMNS}, s.position, b.label AS batchLabel
     FROM document_worked_revisions w CROSS JOIN revisions r ON r.id = w.revision_id
       CROSS JOIN segments s ON s.id = r.segment_id
       LEFT JOIN batches b ON b.id = r.batch_id
     WHERE w.document_id = @documentId AND ${filter}
     ORDER BY w.revision_id DESC LIMIT @limit`
    : `SELECT ${COLUMNS}, s.position, b.label AS batchLabel
     FROM revisions r NOT INDEXED CROSS JOIN segments s ON s.id = r.segment_id
       LEFT JOIN batches b ON b.id = r.batch_id
     WHERE ${filter} AND s.document_id = @documentId
     ORDER BY r.id DESC LIMIT @limit`;
}

export function revisionsRepository(db: Database) {
  const append = db.prepare(
    `INSERT INTO revisions (segment_id, text, origin, created_at, edit_ms, keystrokes, batch_id, status, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // An import's revisions from its stored sentences, in position order (as appending one per sentence would
  // number them): one statement for many sentences, so FTS5 is not made to flush per row (see segments.ts).
  const appendImported = db.prepare(
    `INSERT INTO revisions (segment_id, text, origin, created_at, edit_ms, keystrokes, batch_id, status, reason)
     SELECT id, current_text, 'import', @at, 0, 0, NULL, status, NULL FROM segments
     WHERE document_id = @documentId AND position BETWEEN @from AND @to ORDER BY position`,
  );
  const forSegment = db.prepare(`SELECT ${COLUMNS} FROM revisions r WHERE r.segment_id = ? ORDER BY r.id`);
  const byId = db.prepare(`SELECT ${COLUMNS} FROM revisions r WHERE r.id = ?`);
  const recentBatches = db.prepare('SELECT batch_id FROM revisions WHERE segment_id = ? ORDER BY id DESC LIMIT ?').pluck();
  const lastOfBatch = db.prepare(`SELECT ${COLUMNS} FROM revisions r WHERE r.batch_id = ? ORDER BY r.id DESC LIMIT 1`);
  const otherInBatch = db.prepare(
    "SELECT 1 FROM revisions WHERE batch_id = ? AND (segment_id <> ? OR origin <> 'edit') LIMIT 1",
  );
  const ofBatch = db.prepare(
    `SELECT ${COLUMNS},
            (SELECT p.text FROM revisions p WHERE p.segment_id = r.segment_id AND p.id < r.id ORDER BY p.id DESC LIMIT 1)
              AS previousText,
            (SELECT p.status FROM revisions p WHERE p.segment_id = r.segment_id AND p.id < r.id ORDER BY p.id DESC LIMIT 1)
              AS previousStatus
     FROM revisions r WHERE r.batch_id = ? AND r.id > ? ORDER BY r.id LIMIT ?`,
  );
  const workedTimeline = db.prepare(timelineSql(true));
  const wholeTimeline = db.prepare(timelineSql(false));
  const changedSince = db.prepare(CHANGED_SINCE_SQL);

  // The newest reason given for rejecting a sentence that is rejected now. A rejection always gives one; an undo
  // or redo that makes the sentence rejected again gives none, and brings back the rejection that did. Read
  // through revisions_by_segment, newest first, per rejected sentence.
  const rejectReasons = db.prepare(
    `SELECT s.id AS segmentId,
            (SELECT r.reason FROM revisions r WHERE r.segment_id = s.id AND r.status = 'rejected' AND r.reason IS NOT NULL
             ORDER BY r.id DESC LIMIT 1) AS reason
     FROM segments s WHERE s.document_id = ? AND s.status = 'rejected'`,
  );
  const newest = db.prepare('SELECT MAX(id) AS id FROM revisions');
  const firstOfDocument = db.prepare(
    `SELECT r.id FROM revisions r
     WHERE r.segment_id = (SELECT s.id FROM segments s WHERE s.document_id = ? ORDER BY s.position LIMIT 1)
     ORDER BY r.id LIMIT 1`,
  );
  const documentRevisedAfter = db.prepare(DOCUMENT_REVISED_AFTER_SQL);

  return {
    /** The id of the newest revision of any document (0 for none): a stamp of the store's text as of now. */
    newestId(): number {
      return (newest.get() as { id: number | null }).id ?? 0;
    },
    /**
     * The first revision of the document's first sentence (its import), or null: revision ids are never given twice
     * (migration 0033), so this tells a document from a later one that took its id after it was deleted. Two
     * indexed lookups.
     */
    firstOfDocument(documentId: number): number | null {
      return (firstOfDocument.pluck().get(documentId) as number | undefined) ?? null;
    },
    /** Whether any sentence of the document got a revision after `id`; costs the revisions written since. */
    revisedAfter(documentId: number, id: number): boolean {
      return documentRevisedAfter.get(id, documentId) !== undefined;
    },
    append(segmentId: number, text: string, origin: RevisionOrigin, at: number, details: RevisionDetails = {}): number {
      const { editMs, keystrokes } = details.effort ?? NO_EFFORT;
      const info = append.run(
        segmentId,
        text,
        origin,
        at,
        editMs,
        keystrokes,
        details.batchId ?? null,
        details.status ?? null,
        details.reason ?? null,
      );
      return Number(info.lastInsertRowid);
    },
    /**
     * The import revision of each sentence at positions `from` … `to` of a document being imported: its text as
     * stored and its status, at `at` — what `append(id, mtText, 'import', at, { status })` writes per sentence.
     */
    appendImported(documentId: number, from: number, to: number, at: number): number {
      return appendImported.run({ documentId, from, to, at }).changes;
    },
    get(id: number): Revision | undefined {
      return byId.get(id) as Revision | undefined;
    },
    /** Why each rejected sentence of a document was rejected, by sentence id (the reason given last). */
    rejectReasons(documentId: number): Map<number, string> {
      const rows = rejectReasons.all(documentId) as Array<{ segmentId: number; reason: string | null }>;
      return new Map(rows.flatMap((row) => (row.reason === null ? [] : [[row.segmentId, row.reason] as const])));
    },
    /** The steps of a sentence's last `limit` revisions, newest first, each once (null: a revision of no step). */
    recentBatchesOf(segmentId: number, limit: number): Array<number | null> {
      return [...new Set(recentBatches.all(segmentId, limit) as Array<number | null>)];
    },
    /**
     * Where a step of one sentence's typing starts and ends: its first revision (with the state before it) and its
     * last; null when the step holds anything else (another sentence, another origin) or nothing. Two rows, however
     * many pauses the typing was saved at.
     */
    typingEnds(batchId: number): { first: BatchRevision; last: Revision } | null {
      const first = ofBatch.get(batchId, 0, 1) as BatchRevision | undefined;
      if (!first || otherInBatch.get(batchId, first.segmentId) !== undefined) return null;
      return { first, last: lastOfBatch.get(batchId) as Revision };
    },
    forSegment(segmentId: number): Revision[] {
      return forSegment.all(segmentId) as Revision[];
    },
    /** The revisions one batch wrote, each with the text and status its sentence had just before. */
    ofBatch(batchId: number): BatchRevision[] {
      return ofBatch.all(batchId, 0, -1) as BatchRevision[];
    },
    /** `ofBatch` a page of `pageSize` each time the caller asks for the next (keyset on the id): a batch may hold 60,000. */
    *batchPages(batchId: number, pageSize: number): Generator<BatchRevision[], void> {
      for (let after = 0; ; ) {
        const page = ofBatch.all(batchId, after, pageSize) as BatchRevision[];
        if (page.length > 0) yield page;
        if (page.length < pageSize) return;
        after = page[page.length - 1]!.id;
      }
    },
    /** The document's revisions from `since` on, newest first. */
    timeline(documentId: number, since: number, origins: readonly RevisionOrigin[], limit = 2_000): TimelineEntry[] {
      const statement = origins.includes('import') ? wholeTimeline : workedTimeline;
      return statement.all({ documentId, since, origins: JSON.stringify(origins), limit }) as TimelineEntry[];
    },
    /**
     * The sentences of a document whose text now differs from their text at a moment, each with both, in order:
     * read through the revisions written since (the time index), not the document's sentences.
     */
    changedSince(documentId: number, from: number): Array<{ segmentId: number; position: number; before: string; after: string }> {
      const rows = changedSince.all({ documentId, from }) as Array<{ segmentId: number; position: number; before: string | null; after: string }>;
      return rows.flatMap((row) => (row.before !== null && row.before !== row.after ? [{ ...row, before: row.before }] : []));
    },
  };
}

export type RevisionsRepository = ReturnType<typeof revisionsRepository>;

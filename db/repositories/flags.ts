import type { Database } from 'better-sqlite3';
import type { Flag } from '../../core/checks/types';
import type { LockReason } from '../../core/model/segment';
import { LOCKED_BY_SQL } from './segments';

/** What a document's stored flags were computed against (see migration 0007). */
export interface CheckState {
  glossary: string;
  /**
   * Raised by each write that changes the document's stored names (document_name_facts, migration 0015): a
   * process that sees another number than it last wrote knows another process changed them since.
   */
  namesVersion: number;
  typicalWords: number;
  script: string;
}

/** One sentence's stored flags. */
export interface StoredFlags {
  segmentId: number;
  position: number;
  flags: Flag[];
}

/**
 * The sentences of a document revised after a revision id, with how many times: a save asks it to patch its check
 * context. CROSS JOIN keeps revisions outside, and NOT INDEXED makes SQLite walk them by rowid from the id (the few
 * written since): for the GROUP BY, it otherwise scanned every revision of the store through the covering index on segment_id,
 * 5.7 ms a save at 100k sentences.
 */
export const REVISED_SINCE_SQL = `SELECT r.segment_id AS segmentId, COUNT(*) AS revisions FROM revisions r NOT INDEXED CROSS JOIN segments s ON s.id = r.segment_id
     WHERE r.id > ? AND s.document_id = ? GROUP BY r.segment_id`;

/** The stored flags of sentences, their counts per check and document, and what they were computed against. */
export function flagsRepository(db: Database) {
  const oldRow = db.prepare('SELECT flags FROM segment_flags WHERE segment_id = ?');
  const upsert = db.prepare(
    `INSERT INTO segment_flags (segment_id, document_id, position, flag_count, flags) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (segment_id) DO UPDATE SET position = excluded.position, flag_count = excluded.flag_count, flags = excluded.flags`,
  );
  // An update, else an insert: an upsert would check `n >= 0` on the row it proposes, a negative difference.
  const add = db.prepare('UPDATE document_flag_counts SET n = n + ? WHERE document_id = ? AND check_id = ?');
  const insertCount = db.prepare('INSERT INTO document_flag_counts (document_id, check_id, n) VALUES (?, ?, ?)');
  const dropZero = db.prepare('DELETE FROM document_flag_counts WHERE document_id = ? AND n = 0');
  const counts = db.prepare('SELECT check_id AS checkId, n FROM document_flag_counts WHERE document_id = ? AND n > 0');
  const flagged = db.prepare(
    `SELECT segment_id AS segmentId, position, flags FROM segment_flags
     WHERE document_id = ? AND flag_count > 0 AND position > ? ORDER BY position LIMIT ?`,
  );
  const inRange = db.prepare(
    `SELECT segment_id AS segmentId, position, flags FROM segment_flags
     WHERE document_id = ? AND flag_count > 0 AND position BETWEEN ? AND ? ORDER BY position`,
  );
  const flaggedSentences = db.prepare('SELECT n FROM document_flagged_sentences WHERE document_id = ?').pluck();
  const positions = db
    .prepare('SELECT position FROM segment_flags WHERE document_id = ? AND flag_count > 0 ORDER BY position')
    .pluck();
  // One check's flagged sentences, through the rows migration 0021's triggers keep from the flags.
  const positionsOf = db.prepare('SELECT position FROM segment_flag_checks WHERE document_id = ? AND check_id = ? ORDER BY position').pluck();
  const sentencesOf = db.prepare(
    `SELECT c.segment_id AS segmentId, c.position, s.current_text AS text, ${LOCKED_BY_SQL} AS lockedBy FROM segment_flag_checks c
     JOIN segments s ON s.id = c.segment_id WHERE c.document_id = ? AND c.check_id = ? ORDER BY c.position`,
  );
  const next = db.prepare(
    `SELECT segment_id AS segmentId, position FROM segment_flags
     WHERE document_id = ? AND flag_count > 0 AND position > ? ORDER BY position LIMIT 1`,
  );
  const previous = db.prepare(
    `SELECT segment_id AS segmentId, position FROM segment_flags
     WHERE document_id = ? AND flag_count > 0 AND position < ? ORDER BY position DESC LIMIT 1`,
  );
  const ofSegment = db.prepare('SELECT flags FROM segment_flags WHERE segment_id = ?');
  const getState = db.prepare(
    'SELECT glossary, names_version AS namesVersion, typical_words AS typicalWords, script FROM document_check_state WHERE document_id = ?',
  );
  const putState = db.prepare(
    `INSERT INTO document_check_state (document_id, glossary, names_version, typical_words, script) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET glossary = excluded.glossary, names_version = excluded.names_version,
       typical_words = excluded.typical_words, script = excluded.script`,
  );
  const lastRevision = db.prepare('SELECT coalesce(max(id), 0) AS id FROM revisions');
  const revisedSince = db.prepare(REVISED_SINCE_SQL);
  const clearFlags = db.prepare('DELETE FROM segment_flags WHERE document_id = ?');
  const clearCounts = db.prepare('DELETE FROM document_flag_counts WHERE document_id = ?');

  const tally = (flags: readonly Flag[], sign: number, into: Map<string, number>) => {
    for (const flag of flags) into.set(flag.check, (into.get(flag.check) ?? 0) + sign);
  };

  return {
    /**
     * Stores the flags of sentences of one document, adjusting the document's counts by the difference with
     * what was stored before (`fresh` after clear: nothing was). The caller runs it inside the write's transaction.
     */
    put(documentId: number, rows: ReadonlyArray<StoredFlags>, fresh = false): void {
      const delta = new Map<string, number>();
      for (const row of rows) {
        // `fresh`: the document's flags were just cleared, so there is nothing stored to take back.
        const before = fresh ? undefined : (oldRow.get(row.segmentId) as { flags: string } | undefined);
        if (before) tally(JSON.parse(before.flags) as Flag[], -1, delta);
        tally(row.flags, 1, delta);
        upsert.run(row.segmentId, documentId, row.position, row.flags.length, JSON.stringify(row.flags));
      }
      for (const [check, n] of delta) {
        if (n !== 0 && add.run(n, documentId, check).changes === 0) insertCount.run(documentId, check, n);
      }
      dropZero.run(documentId);
    },
    /** Forgets a document's stored flags and counts (before it is checked whole again). */
    clear(documentId: number): void {
      clearFlags.run(documentId);
      clearCounts.run(documentId);
    },
    counts(documentId: number): Record<string, number> {
      const out: Record<string, number> = {};
      for (const { checkId, n } of counts.all(documentId) as Array<{ checkId: string; n: number }>) out[checkId] = n;
      return out;
    },
    /** Flagged sentences after `afterPosition`, in order, at most `limit`: one page through an index. */
    flagged(documentId: number, afterPosition: number, limit: number): StoredFlags[] {
      return (flagged.all(documentId, afterPosition, limit) as Array<{ segmentId: number; position: number; flags: string }>).map(
        (row) => ({ segmentId: row.segmentId, position: row.position, flags: JSON.parse(row.flags) as Flag[] }),
      );
    },
    /** The flagged sentences whose positions lie in [from, to], in order. */
    inRange(documentId: number, from: number, to: number): StoredFlags[] {
      return (inRange.all(documentId, from, to) as Array<{ segmentId: number; position: number; flags: string }>).map((row) => ({
        segmentId: row.segmentId,
        position: row.position,
        flags: JSON.parse(row.flags) as Flag[],
      }));
    },
    /** How many sentences of the document have flags (kept by triggers on segment_flags, migration 0017). */
    flaggedSentences(documentId: number): number {
      return (flaggedSentences.get(documentId) as number | undefined) ?? 0;
    },
    /** The sentences with a stored flag of one check, in order, with their text and why they are locked (or null). */
    sentencesWith(documentId: number, check: string): Array<{ segmentId: number; position: number; text: string; lockedBy: LockReason | null }> {
      return sentencesOf.all(documentId, check) as Array<{ segmentId: number; position: number; text: string; lockedBy: LockReason | null }>;
    },
    /** The positions of the flagged sentences, in order: all of them, or those with a flag of one check. */
    positions(documentId: number, check?: string): number[] {
      return (check === undefined ? positions.all(documentId) : positionsOf.all(documentId, check)) as number[];
    },
    /** The nearest flagged sentence after (or before) a position. */
    nearest(documentId: number, position: number, direction: 'next' | 'previous'): { segmentId: number; position: number } | null {
      const row = (direction === 'next' ? next : previous).get(documentId, position);
      return (row as { segmentId: number; position: number } | undefined) ?? null;
    },
    ofSegment(segmentId: number): Flag[] | null {
      const row = ofSegment.get(segmentId) as { flags: string } | undefined;
      return row ? (JSON.parse(row.flags) as Flag[]) : null;
    },
    /** The newest revision's id: what a cache of texts was up to date with. */
    lastRevision(): number {
      return (lastRevision.get() as { id: number }).id;
    },
    /** The sentences of a document revised after revision `afterId` (by this process or another), each with how many times. */
    revisedSince(afterId: number, documentId: number): Map<number, number> {
      const rows = revisedSince.all(afterId, documentId) as Array<{ segmentId: number; revisions: number }>;
      return new Map(rows.map((r) => [r.segmentId, r.revisions]));
    },
    state(documentId: number): CheckState | null {
      return (getState.get(documentId) as CheckState | undefined) ?? null;
    },
    setState(documentId: number, state: CheckState): void {
      putState.run(documentId, state.glossary, state.namesVersion, state.typicalWords, state.script);
    },
  };
}

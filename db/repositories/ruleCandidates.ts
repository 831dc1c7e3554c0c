import type { Database } from 'better-sqlite3';
import { INDEX_WORD } from '../../core/model/search';
import type { LockReason } from '../../core/model/segment';
import { documentSpan } from './documentSpan';
import { LOCKED_BY_SQL } from './segments';

/** A word as the full-text index sees one (INDEX_WORD); everything else separates words. */
const TOKEN = new RegExp(INDEX_WORD, 'gu');
const WORD_CHAR = /[\p{L}\p{N}]/u;

export interface RuleCandidate {
  id: number;
  position: number;
  text: string;
  /** Why its text never changes here, or null. */
  lockedBy: LockReason | null;
}

/**
 * The sentences a whole-word replacement can apply to, found through the full-text index (segment_search, kept
 * by triggers on every write) instead of reading every sentence: those whose text holds the words of `find` as
 * a phrase. The index folds case and accents, so this is a superset the caller filters with the rule itself.
 * Null when the index cannot narrow it down (a `find` of punctuation only, or a rule that matches inside words):
 * the caller reads the sentences then.
 */
export function ruleCandidatesRepository(db: Database) {
  const span = documentSpan(db);
  // In position order (rowid order within the document's span), from past `after` on, stopping at the LIMIT: a
  // caller that wants the first few reads the first few, however many sentences use the words. The CASTs make
  // FTS5 take the rowid bounds (a JS number binds as a REAL, which it would ignore).
  const query = db.prepare(
    `SELECT s.id, s.position, s.current_text AS text, ${LOCKED_BY_SQL} AS lockedBy FROM segment_search f JOIN segments s ON s.id = f.rowid
     WHERE segment_search MATCH @match AND f.rowid > CAST(@after AS INTEGER) AND f.rowid <= CAST(@last AS INTEGER)
       AND s.document_id = @documentId
     ORDER BY f.rowid
     LIMIT @limit`,
  );
  return {
    /**
     * The candidates in position order: all of them, or (with `limit`) at most that many after the sentence
     * `afterId` (a candidate returned before: the next chunk starts past it).
     */
    candidates(
      documentId: number,
      find: string,
      wholeWord: boolean,
      chunk: { afterId?: number; limit?: number } = {},
    ): RuleCandidate[] | null {
      const words = find.match(TOKEN);
      // Inside a word a match need not start or end at a word of the index: only whole-word rules whose ends are
      // letters or digits are sure to show as whole indexed words.
      if (!wholeWord || !words || !WORD_CHAR.test(find[0] ?? '') || !WORD_CHAR.test(find[find.length - 1] ?? '')) return null;
      const ids = span(documentId);
      if (!ids) return [];
      const rows = query.all({
        match: `target : "${words.join(' ')}"`,
        documentId,
        after: Math.max(chunk.afterId ?? 0, ids.first - 1),
        last: ids.last,
        limit: chunk.limit ?? -1,
      }) as RuleCandidate[];
      return rows;
    },
  };
}

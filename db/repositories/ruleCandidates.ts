import type { Database } from 'better-sqlite3';

/** A word as the full-text index (unicode61) sees one; everything else separates words. */
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{M}\p{N}\p{Co}]*/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * The sentences a whole-word replacement can apply to, found through the full-text index (segment_search, kept
 * by triggers on every write) instead of reading every sentence: those whose text holds the words of `find` as
 * a phrase. The index folds case and accents, so this is a superset the caller filters with the rule itself.
 * Null when the index cannot narrow it down (a `find` of punctuation only, or a rule that matches inside words):
 * the caller reads the sentences then.
 */
export function ruleCandidatesRepository(db: Database) {
  const query = db.prepare(
    `SELECT s.id, s.position, s.current_text AS text, s.locked FROM segment_search f JOIN segments s ON s.id = f.rowid
     WHERE segment_search MATCH ? AND f.document_id = ? ORDER BY s.position`,
  );
  return {
    candidates(documentId: number, find: string, wholeWord: boolean): Array<{ id: number; position: number; text: string; locked: boolean }> | null {
      const words = find.match(TOKEN);
      // Inside a word a match need not start or end at a word of the index: only whole-word rules whose ends are
      // letters or digits are sure to show as whole indexed words.
      if (!wholeWord || !words || !WORD_CHAR.test(find[0] ?? '') || !WORD_CHAR.test(find[find.length - 1] ?? '')) return null;
      const rows = query.all(`target : "${words.join(' ')}"`, documentId) as Array<{ id: number; position: number; text: string; locked: number }>;
      return rows.map((row) => ({ ...row, locked: row.locked === 1 }));
    },
  };
}

import type { Database } from 'better-sqlite3';
import type { DocumentTotals } from '../../core/metrics/storedFigures';

/** One sentence's stored figures (default TER options), as the report and `cli metrics ID` read them. */
export interface SentenceFigures {
  segmentId: number;
  edits: number;
  refWords: number;
  charEdits: number;
  charLength: number;
}

/**
 * Reads the metrics the writes keep (migration 0009): a document's totals from its row, the HTER histogram
 * through the band index, the median typing time through the time index. Nothing here reads every sentence.
 */
export function metricsRepository(db: Database) {
  const totals = db.prepare(
    `SELECT segment_count AS segments, changed_count AS changed, ter_edits AS edits, ter_ref_words AS refWords,
            ter_insertions AS insertions, ter_deletions AS deletions, ter_substitutions AS substitutions,
            ter_shifts AS shifts, rewritten_count AS rewritten, typed_ms AS editMs, typed_keystrokes AS keystrokes,
            timed_count AS timed, words_worked AS wordsWorked, batch_sentences AS batchSentences, batch_steps AS batchSteps
     FROM documents WHERE id = ? AND importing = 0`,
  );
  const bands = db.prepare(
    `SELECT hter_band AS band, COUNT(*) AS n FROM segments
     WHERE document_id = ? AND hter_band IS NOT NULL GROUP BY hter_band`,
  );
  // The middle one or two of the sentences with any typing time, stepping through the index from its low end.
  const middle = db.prepare(
    `SELECT typed_ms AS ms FROM segments WHERE document_id = ? AND typed_ms > 0 ORDER BY typed_ms LIMIT ? OFFSET ?`,
  );
  const figures = db.prepare(
    `SELECT id AS segmentId, ter_edits AS edits, ter_ref_words AS refWords, char_edits AS charEdits,
            char_length AS charLength
     FROM segments WHERE document_id = ? AND position > ? ORDER BY position LIMIT ?`,
  );

  return {
    /** The document's stored totals, or undefined for no (finished) document with this id. */
    totals(documentId: number): DocumentTotals | undefined {
      const row = totals.get(documentId) as (Omit<DocumentTotals, 'bands' | 'medianEditMs'> & { timed: number }) | undefined;
      if (!row) return undefined;
      const { timed, ...rest } = row;
      const counts = bands.all(documentId) as Array<{ band: number; n: number }>;
      let medianEditMs = 0;
      if (timed > 0) {
        const values = (middle.all(documentId, timed % 2 === 1 ? 1 : 2, (timed - 1) >> 1) as Array<{ ms: number }>).map((r) => r.ms);
        medianEditMs = values.length === 2 ? (values[0]! + values[1]!) / 2 : (values[0] ?? 0);
      }
      return { ...rest, bands: new Map(counts.map((c) => [c.band, c.n])), medianEditMs };
    },
    /** Stored figures of up to `limit` sentences after the first `offset`, in order. */
    figures(documentId: number, offset = 0, limit = Number.MAX_SAFE_INTEGER): SentenceFigures[] {
      return figures.all(documentId, offset, limit) as SentenceFigures[];
    },
  };
}

export type MetricsRepository = ReturnType<typeof metricsRepository>;

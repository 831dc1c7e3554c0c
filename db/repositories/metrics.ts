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
 * Reads the metrics the writes keep: a document's totals from its row (migration 0009), the HTER histogram from
 * its counts per band and the median typing time from the cursor on its middle sentence (migration 0014). Each
 * costs a few index look-ups, however many sentences the document has or how many of them were edited.
 */
export function metricsRepository(db: Database) {
  const totals = db.prepare(
    `SELECT segment_count AS segments, changed_count AS changed, ter_edits AS edits, ter_ref_words AS refWords,
            ter_insertions AS insertions, ter_deletions AS deletions, ter_substitutions AS substitutions,
            ter_shifts AS shifts, rewritten_count AS rewritten, typed_ms AS editMs, typed_keystrokes AS keystrokes,
            words_worked AS wordsWorked, batch_sentences AS batchSentences, batch_steps AS batchSteps,
            no_mt_count AS noMtSegments, no_mt_translated AS noMtTranslated, no_mt_words AS noMtWords,
            no_mt_ms AS noMtMs
     FROM documents WHERE id = ? AND importing = 0`,
  );
  const bands = db.prepare('SELECT band, sentences AS n FROM hter_band_counts WHERE document_id = ? AND sentences > 0');
  // The cursor on the lower middle timed sentence (migration 0014 keeps it there).
  const cursor = db.prepare('SELECT timed, cursor_ms AS ms, cursor_id AS id FROM typing_medians WHERE document_id = ?');
  // The timed sentence after it, for an even count: the same time past its id, else the next greater time (two
  // index ranges; see migration 0014 on why not a row value, and on the order of the two lower bounds). `+@ms`:
  // SQLite compares `typed_ms > @ms` with the partial index's `typed_ms > 0` by the bound value, and then prepares
  // the statement again for every new value (20 µs, more than the query).
  const next = db.prepare(
    `SELECT typed_ms AS ms, id FROM segments WHERE document_id = @documentId AND typed_ms = @ms AND id > @id AND typed_ms > 0
     UNION ALL
     SELECT typed_ms, id FROM segments WHERE document_id = @documentId AND typed_ms > +@ms AND typed_ms > 0
     ORDER BY 1, 2 LIMIT 1`,
  );
  const figures = db.prepare(
    `SELECT id AS segmentId, ter_edits AS edits, ter_ref_words AS refWords, char_edits AS charEdits,
            char_length AS charLength
     FROM segments WHERE document_id = ? AND position > ? ORDER BY position LIMIT ?`,
  );

  return {
    /** The document's stored totals, or undefined for no (finished) document with this id. */
    totals(documentId: number): DocumentTotals | undefined {
      const rest = totals.get(documentId) as Omit<DocumentTotals, 'bands' | 'medianEditMs'> | undefined;
      if (!rest) return undefined;
      const counts = bands.all(documentId) as Array<{ band: number; n: number }>;
      let medianEditMs = 0;
      const middle = cursor.get(documentId) as { timed: number; ms: number; id: number } | undefined;
      if (middle && middle.timed > 0) {
        if (middle.timed % 2 === 1) medianEditMs = middle.ms;
        else medianEditMs = (middle.ms + (next.get({ documentId, ms: middle.ms, id: middle.id }) as { ms: number }).ms) / 2;
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

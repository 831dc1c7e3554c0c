import { documentMetrics, terPercent, type DocumentMetrics, type TerOptions } from '../core/metrics';
import { areStoredOptions, metricsFromTotals } from '../core/metrics/storedFigures';
import { RedlineError } from '../core/model/errors';
import type { Store } from '../db/store';

/** One sentence's stored HTER and character edit rate. */
export interface SentenceMeasure {
  segmentId: number;
  edits: number;
  refWords: number;
  ter: number;
  charEditRate: number;
}

export function metricsService(store: Store) {
  const missing = (documentId: number) => new RedlineError('not_found', `There is no document with id ${documentId}.`);

  /** The figures measured from every sentence: the reference the stored ones are tested against. */
  function recompute(documentId: number, options: TerOptions = {}): DocumentMetrics {
    if (!store.documents.summary(documentId)) throw missing(documentId);
    return documentMetrics(store.segments.measured(documentId), options);
  }

  return {
    /**
     * HTER, edits by kind, time and speed of a stored document. With the default TER options (what the store
     * keeps, see migration 0009) they are read from the totals the writes keep, without reading the sentences;
     * with other options every MT sentence is measured against its current text, here on the caller's path (the
     * CLI; the app measures them in a worker, services/metricsJobs.ts).
     */
    document(documentId: number, options: TerOptions = {}): DocumentMetrics {
      if (!areStoredOptions(options)) return recompute(documentId, options);
      const totals = store.metrics.totals(documentId);
      if (!totals) throw missing(documentId);
      return metricsFromTotals(totals);
    },
    recompute,

    /** The store's newest revision id: figures measured as of it stay current until `revisedSince` says no. */
    revision: (): number => store.revisions.newestId(),
    /**
     * Whether the document got a revision after `revision` (not found: no such document). Costs the revisions
     * written since, not the document: how cached figures for other TER options (metricsJobs.ts) are checked.
     */
    revisedSince(documentId: number, revision: number): boolean {
      if (!store.documents.summary(documentId)) throw missing(documentId);
      return store.revisions.revisedAfter(documentId, revision);
    },

    /**
     * The stored figures of up to `limit` sentences after the first `offset`, in order: HTER (default options)
     * and character edit rate, as segmentMetrics computes them.
     */
    sentences(documentId: number, offset = 0, limit = Number.MAX_SAFE_INTEGER): SentenceMeasure[] {
      if (!store.documents.exists(documentId)) throw missing(documentId);
      return store.metrics.figures(documentId, offset, limit).map((f) => ({
        segmentId: f.segmentId,
        edits: f.edits,
        refWords: f.refWords,
        ter: terPercent(f.edits, f.refWords),
        charEditRate: f.charLength === 0 ? 0 : (100 * f.charEdits) / f.charLength,
      }));
    },
  };
}

export type MetricsService = ReturnType<typeof metricsService>;

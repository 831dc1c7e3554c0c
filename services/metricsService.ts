import { documentMetrics, type DocumentMetrics, type TerOptions } from '../core/metrics';
import { RedlineError } from '../core/model/errors';
import type { Store } from '../db/store';

export function metricsService(store: Store) {
  return {
    /** HTER, edits by kind, time and speed of a stored document: every MT sentence against its current text. */
    document(documentId: number, options: TerOptions = {}): DocumentMetrics {
      if (!store.documents.summary(documentId)) {
        throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      }
      return documentMetrics(store.segments.measured(documentId), options);
    },
  };
}

export type MetricsService = ReturnType<typeof metricsService>;

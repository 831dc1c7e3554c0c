import { areStoredOptions } from '../../../core/metrics/storedFigures';
import type { Services } from '../../../services';
import type { MetricsJobs } from '../../../services/metricsJobs';
import type { Handlers } from '../dispatcher';

/**
 * `jobs`: where figures with non-default TER options are measured (a worker thread, the app), so the answer
 * comes at once with how far it is; without it (tests binding the services directly) they are measured here.
 * The default options read the totals the writes keep, either way.
 */
export function metricsHandlers({ metrics }: Services, jobs?: MetricsJobs): Pick<Handlers, 'documents.metrics' | 'documents.cancelMetrics'> {
  return {
    'documents.metrics': ({ documentId, normalize, caseSensitive }) => {
      const options = { normalize, caseSensitive };
      if (!jobs || areStoredOptions(options)) return metrics.document(documentId, options);
      return jobs.answer(documentId, options, metrics);
    },
    'documents.cancelMetrics': ({ documentId }) => ({ cancelled: jobs?.cancel(documentId) ?? false }),
  };
}

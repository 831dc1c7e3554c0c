import type { Services } from '../../../services';
import type { Handlers } from '../dispatcher';

export function metricsHandlers({ metrics }: Services): Pick<Handlers, 'documents.metrics'> {
  return {
    'documents.metrics': ({ documentId, normalize, caseSensitive }) =>
      metrics.document(documentId, { normalize, caseSensitive }),
  };
}

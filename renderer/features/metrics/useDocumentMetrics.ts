import { useEffect, useState } from 'react';
import type { DocumentMetrics, TerOptions } from '../../../core/metrics';
import { call, messageOf } from '../../lib/desktop';

/** Waits for a pause in saving before measuring the whole document again. */
const REFRESH_DELAY_MS = 400;

/** The document's metrics from the store, measured again whenever saves have landed (`savedCount` moves). */
export function useDocumentMetrics(documentId: number, options: Required<TerOptions>, savedCount: number, enabled: boolean) {
  const [state, setState] = useState<{ metrics: DocumentMetrics | null; error: string | null }>({
    metrics: null,
    error: null,
  });
  const { normalize, caseSensitive } = options;

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const timer = setTimeout(() => {
      call('documents.metrics', { documentId, normalize, caseSensitive }).then(
        (metrics) => current && setState({ metrics, error: null }),
        (error: unknown) => current && setState((previous) => ({ ...previous, error: messageOf(error) })),
      );
    }, REFRESH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [documentId, normalize, caseSensitive, savedCount, enabled]);

  return state;
}

import { useEffect, useRef, useState } from 'react';
import type { DocumentMetrics, TerOptions } from '../../../core/metrics';
import type { StepProgress } from '../../../core/model/steps';
import { call, messageOf } from '../../lib/desktop';

/** Waits for a pause in saving before measuring the whole document again. */
const REFRESH_DELAY_MS = 400;
/** How often to ask again while the document is measured in the background (non-default TER options). */
const PENDING_POLL_MS = 300;

interface MetricsState {
  /** The figures last answered, and the options they were measured with. */
  metrics: DocumentMetrics | null;
  measuredWith: string | null;
  /** How far the background measuring is (TER options other than the stored ones); null when not measuring. */
  pending: StepProgress | null;
  error: string | null;
}

/**
 * The document's metrics from the store, measured again whenever saves have landed (`savedCount` moves). With
 * non-default TER options the store measures in the background: meanwhile `pending` tells how far it is (asked
 * again until the figures come), and `cancel` stops it until the options change or a save lands; figures of
 * the same options stay shown meanwhile.
 */
export function useDocumentMetrics(documentId: number, options: Required<TerOptions>, savedCount: number, enabled: boolean) {
  const [state, setState] = useState<MetricsState>({ metrics: null, measuredWith: null, pending: null, error: null });
  const [asked, setAsked] = useState(0);
  /** The question (document, options, saves) whose measuring the editor stopped. */
  const [stoppedAt, setStoppedAt] = useState<string | null>(null);
  const polling = useRef(false);
  const { normalize, caseSensitive } = options;
  const key = `${normalize}/${caseSensitive}`;
  const question = `${documentId}/${key}/${savedCount}`;
  const stopped = stoppedAt === question;

  useEffect(() => {
    if (!enabled || stopped) return;
    let current = true;
    let poll: ReturnType<typeof setTimeout> | undefined;
    // Asking again while pending goes at once; a new question waits for a pause in saving.
    const delay = polling.current ? 0 : REFRESH_DELAY_MS;
    polling.current = false;
    const timer = setTimeout(() => {
      call('documents.metrics', { documentId, normalize, caseSensitive }).then(
        (answer) => {
          if (!current) return;
          if ('pending' in answer) {
            setState((previous) => ({ ...previous, pending: answer.pending, error: null }));
            poll = setTimeout(() => {
              if (!current) return;
              polling.current = true;
              setAsked((n) => n + 1);
            }, PENDING_POLL_MS);
          } else setState({ metrics: answer, measuredWith: key, pending: null, error: null });
        },
        (error: unknown) => current && setState((previous) => ({ ...previous, pending: null, error: messageOf(error) })),
      );
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
      clearTimeout(poll);
    };
  }, [documentId, normalize, caseSensitive, key, savedCount, enabled, stopped, asked]);

  const cancel = () => {
    setStoppedAt(question);
    setState((previous) => ({ ...previous, pending: null }));
    call('documents.cancelMetrics', { documentId }).catch((error: unknown) =>
      setState((previous) => ({ ...previous, error: messageOf(error) })),
    );
  };

  return {
    metrics: state.measuredWith === key ? state.metrics : null,
    pending: stopped ? null : state.pending,
    stopped,
    error: state.error,
    cancel,
  };
}

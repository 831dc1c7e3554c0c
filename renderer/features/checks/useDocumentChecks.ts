import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CheckId } from '../../../core/checks/types';
import { call, messageOf } from '../../lib/desktop';
import { FlagPages } from './flagPages';

export interface DocumentChecks {
  counts: Partial<Record<CheckId, number>>;
  /** How many sentences have flags. */
  flagged: number;
  /** The stored flags of the rows on screen, a page at a time. */
  flags: FlagPages;
  /**
   * The document is being checked in the background (its first check, or one after the flags went stale): how
   * far it is, in sentences (total 0 while it starts). The counts are those stored before it, if any.
   */
  pending: { done: number; total: number } | null;
  /** Moves with every answer: what derives from the stored flags (the flag filter) asks again on it. */
  version: number;
  error: string | null;
  /** Ask again now (after a bulk action, an ignored flag). */
  refresh: () => void;
}

const REFRESH_DELAY_MS = 250;
const PENDING_POLL_MS = 500;

/**
 * The document's flag counts, asked again whenever saves land (`savedCount` moves), and the flags of the rows on
 * screen, fetched again with each answer. Neither costs more in a book than in a page.
 */
export function useDocumentChecks(documentId: number, savedCount: number): DocumentChecks {
  const [state, setState] = useState<Pick<DocumentChecks, 'counts' | 'flagged' | 'pending' | 'version'>>({ counts: {}, flagged: 0, pending: null, version: 0 });
  // Until the first answer, asked for at once: the delay only gathers the saves of a burst of typing.
  const answered = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const flags = useMemo(
    () => new FlagPages((from, to) => call('checks.inRange', { documentId, from, to })),
    [documentId],
  );

  useEffect(() => {
    let current = true;
    const delay = answered.current ? REFRESH_DELAY_MS : 0;
    const timer = setTimeout(() => {
      call('checks.document', { documentId }).then(
        (result) => {
          if (!current) return;
          answered.current = true;
          setState((before) => ({ counts: result.counts, flagged: result.flagged, pending: result.pending ?? null, version: before.version + 1 }));
          flags.refresh();
          setError(null);
          // The first check of a document runs in the background: ask again until its flags are there.
          if (result.pending) setTimeout(() => current && setAsked((n) => n + 1), PENDING_POLL_MS);
        },
        (failure: unknown) => current && setError(messageOf(failure)),
      );
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [documentId, savedCount, asked, flags]);

  // One object while nothing changes: the grid's callbacks that use it keep their identity, so rows stay memoized.
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  return useMemo(() => ({ ...state, flags, error, refresh }), [state, flags, error, refresh]);
}

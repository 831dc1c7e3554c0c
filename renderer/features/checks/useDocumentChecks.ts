import { useEffect, useMemo, useState } from 'react';
import type { CheckId } from '../../../core/checks/types';
import { call, messageOf } from '../../lib/desktop';
import { FlagPages } from './flagPages';

export interface DocumentChecks {
  counts: Partial<Record<CheckId, number>>;
  /** How many sentences have flags. */
  flagged: number;
  /** The stored flags of the rows on screen, a page at a time. */
  flags: FlagPages;
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
  const [state, setState] = useState<{ counts: DocumentChecks['counts']; flagged: number; version: number }>({ counts: {}, flagged: 0, version: 0 });
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const flags = useMemo(
    () => new FlagPages((from, to) => call('checks.inRange', { documentId, from, to })),
    [documentId],
  );

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      call('checks.document', { documentId }).then(
        (result) => {
          if (!current) return;
          setState((before) => ({ counts: result.counts, flagged: result.flagged, version: before.version + 1 }));
          flags.refresh();
          setError(null);
          // The first check of a document runs in the background: ask again until its flags are there.
          if (result.pending) setTimeout(() => current && setAsked((n) => n + 1), PENDING_POLL_MS);
        },
        (failure: unknown) => current && setError(messageOf(failure)),
      );
    }, REFRESH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [documentId, savedCount, asked, flags]);

  return { counts: state.counts, flagged: state.flagged, flags, version: state.version, error, refresh: () => setAsked((n) => n + 1) };
}

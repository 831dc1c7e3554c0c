import { useEffect, useMemo, useState } from 'react';
import type { CheckId, Flag } from '../../../core/checks/types';
import { call, messageOf } from '../../lib/desktop';

export interface DocumentChecks {
  counts: Partial<Record<CheckId, number>>;
  /** position → flags of that sentence (only flagged sentences). */
  byPosition: Map<number, Flag[]>;
  error: string | null;
  /** Ask again now (after a bulk action, an ignored flag). */
  refresh: () => void;
}

const REFRESH_DELAY_MS = 250;
const PENDING_POLL_MS = 500;

/** The flags of the whole document, checked again whenever saves land (`savedCount` moves). */
export function useDocumentChecks(documentId: number, savedCount: number): DocumentChecks {
  const [state, setState] = useState<{ counts: DocumentChecks['counts']; list: Array<[number, Flag[]]> }>({
    counts: {},
    list: [],
  });
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      call('checks.document', { documentId }).then(
        (result) => {
          if (!current) return;
          setState({ counts: result.counts, list: result.segments.map((s) => [s.position, s.flags]) });
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
  }, [documentId, savedCount, asked]);

  const byPosition = useMemo(() => new Map(state.list), [state.list]);
  return { counts: state.counts, byPosition, error, refresh: () => setAsked((n) => n + 1) };
}

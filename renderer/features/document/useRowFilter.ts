import { useEffect, useMemo, useState } from 'react';
import type { CheckId } from '../../../core/checks/types';
import { SEGMENT_STATUSES, type SegmentStatus } from '../../../core/model/segment';
import { call } from '../../lib/desktop';

export type Filter = CheckId | 'any' | SegmentStatus | 'edited-any' | 'notes' | 'empty' | null;
/** Filters the sentences answer (not the stored flags), asked again as saves land. */
const SENTENCE_FILTERS = new Set<string>([...SEGMENT_STATUSES, 'edited-any', 'notes', 'empty']);

/**
 * Which rows the grid shows: every sentence, or those a filter picks, as the store answers: status, edited, notes and
 * empty filters from the sentences (asked again as saves land, `refreshKey`), flag filters from the stored flags
 * (asked again with each answer of the document's checks, `flagsVersion`).
 */
export function useRowFilter(documentId: number, refreshKey: number, flagsVersion: number, onError: (error: unknown) => void) {
  const [filter, setFilter] = useState<Filter>(null);
  const [found, setFound] = useState<{ filter: Filter; positions: number[] } | null>(null);
  const flagFilter = filter !== null && !SENTENCE_FILTERS.has(filter);
  // A flag filter follows the stored flags, a status filter the saves.
  const askAgain = flagFilter ? flagsVersion : refreshKey;

  useEffect(() => {
    if (filter === null) return;
    let current = true;
    const asked = filter;
    const request = flagFilter
      ? call('checks.positions', { documentId, ...(filter !== 'any' && { check: filter as CheckId }) })
      : call(
          'segments.positions',
          filter === 'edited-any'
            ? { documentId, edited: true }
            : filter === 'notes'
              ? { documentId, withNotes: true }
              : filter === 'empty'
                ? { documentId, empty: true }
                : { documentId, status: filter as SegmentStatus },
        );
    request.then((positions) => current && setFound({ filter: asked, positions }), onError);
    return () => {
      current = false;
    };
  }, [flagFilter, filter, documentId, askAgain, onError]);

  // Until the store answers for this filter, it shows nothing rather than another filter's rows.
  const positions = useMemo(() => (filter === null ? null : found?.filter === filter ? found.positions : []), [filter, found]);

  /** The check filter the flags panel shows (null when the filter is by status, edits or notes). */
  const checkFilter = flagFilter ? (filter as CheckId | 'any') : null;
  /** The positions answer the filter chosen (false while the store is asked: no rows yet is not no rows). */
  const settled = filter === null || found?.filter === filter;
  return { filter, setFilter, positions, checkFilter, settled };
}

import { useEffect, useMemo, useState } from 'react';
import type { CheckId, Flag } from '../../../core/checks/types';
import { SEGMENT_STATUSES, type SegmentStatus } from '../../../core/model/segment';
import { call } from '../../lib/desktop';

export type Filter = CheckId | 'any' | SegmentStatus | 'edited-any' | 'notes' | null;
const STATUS_FILTERS = new Set<string>(SEGMENT_STATUSES);

/**
 * Which rows the grid shows: every sentence, or those a filter picks. Status, edited and notes filters are
 * answered by the store; flag filters by the last check of the document.
 */
export function useRowFilter(
  documentId: number,
  byPosition: Map<number, Flag[]>,
  refreshKey: number,
  onError: (error: unknown) => void,
) {
  const [filter, setFilter] = useState<Filter>(null);
  const [serverPositions, setServerPositions] = useState<number[] | null>(null);
  const flaggedPositions = useMemo(() => [...byPosition.keys()].sort((a, b) => a - b), [byPosition]);
  const serverFilter = filter !== null && (STATUS_FILTERS.has(filter) || filter === 'edited-any' || filter === 'notes');

  useEffect(() => {
    if (!serverFilter) return;
    let current = true;
    const request =
      filter === 'edited-any'
        ? { documentId, edited: true }
        : filter === 'notes'
          ? { documentId, withNotes: true }
          : { documentId, status: filter as SegmentStatus };
    call('segments.positions', request).then((found) => current && setServerPositions(found), onError);
    return () => {
      current = false;
    };
  }, [serverFilter, filter, documentId, refreshKey, onError]);

  const positions = useMemo(() => {
    if (filter === null) return null;
    if (serverFilter) return serverPositions ?? [];
    if (filter === 'any') return flaggedPositions;
    return flaggedPositions.filter((p) => byPosition.get(p)?.some((flag) => flag.check === filter));
  }, [filter, serverFilter, serverPositions, flaggedPositions, byPosition]);

  /** The check filter the flags panel shows (null when the filter is by status, edits or notes). */
  const checkFilter = filter === 'any' || (filter !== null && !serverFilter) ? (filter as CheckId | 'any') : null;
  return { filter, setFilter, positions, flaggedPositions, checkFilter };
}

/** The next position after (or before) `from` in a sorted list, wrapping around. */
export function nextIn(list: readonly number[], from: number, direction: 1 | -1): number | undefined {
  if (direction === 1) return list.find((p) => p > from) ?? list[0];
  return [...list].reverse().find((p) => p < from) ?? list[list.length - 1];
}

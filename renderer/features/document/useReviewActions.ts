import { useCallback, useState } from 'react';
import type { Segment, SegmentStatus } from '../../../core/model/segment';
import { call } from '../../lib/desktop';
import type { DocumentEditor } from './documentEditor';
import { useDocumentCounts } from './useDocumentCounts';
import { useWriteGuard } from './useWriteGuard';

/** Rows of a filter asked about at once: as many as the channel takes. */
const AMONG_CHUNK = 2_000;

/**
 * The review workflow of one document: statuses, undo and redo (of the store, across restarts), and the
 * document's counters (useDocumentCounts), refreshed after each of them.
 */
export function useReviewActions(documentId: number, editor: DocumentEditor, onError: (error: unknown) => void) {
  const { counts, refresh } = useDocumentCounts(documentId, editor.savedCount, onError);
  // An undo or redo failing part way shows what it restored (useWriteGuard).
  const guard = useWriteGuard(documentId, editor, refresh);

  const setStatus = useCallback(
    async (segment: Segment, status: SegmentStatus, reason?: string) => {
      await editor.flushSaved(segment);
      editor.applied([await call('segments.setStatus', { segmentId: segment.id, status, reason })]);
      refresh();
    },
    [editor, refresh],
  );

  // An undo or redo being written (one of a bulk change is written a few sentences a step, with a progress bar).
  const [stepping, setStepping] = useState(false);
  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      await editor.flush();
      setStepping(true);
      try {
        const outcome = await guard(() => call(direction === 'undo' ? 'documents.undo' : 'documents.redo', { documentId }));
        editor.applied(outcome.segments);
        refresh();
        return outcome;
      } finally {
        setStepping(false);
      }
    },
    [documentId, editor, refresh, guard],
  );

  /**
   * The first sentence after `position` (wrapping around) that is not confirmed or approved; with `shown` (the
   * rows a filter shows, in order), the first of those. The rows go to the store a chunk at a time, those after
   * `position` first: a flag filter's few rows in one ask, a book's status filter in as many as it takes.
   */
  const nextUnconfirmed = useCallback(
    async (position: number, shown?: readonly number[] | null): Promise<number | null> => {
      if (!shown) return call('segments.nextUnconfirmed', { documentId, after: position });
      // Those after `position` first, then round from the start.
      for (const part of [shown.filter((p) => p > position), shown.filter((p) => p <= position)]) {
        for (let at = 0; at < part.length; at += AMONG_CHUNK) {
          const among = part.slice(at, at + AMONG_CHUNK);
          const found = await call('segments.nextUnconfirmed', { documentId, after: position, among });
          if (found !== null) return found;
        }
      }
      return null;
    },
    [documentId],
  );

  return { counts, setStatus, step, stepping, nextUnconfirmed, refresh };
}

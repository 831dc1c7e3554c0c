import { useCallback, useEffect, useState } from 'react';
import type { Batch } from '../../../core/model/batch';
import type { Segment, SegmentStatus } from '../../../core/model/segment';
import { call } from '../../lib/desktop';
import type { DocumentEditor } from './documentEditor';

const UNCONFIRMED: SegmentStatus[] = ['not_started', 'edited', 'rejected'];

/**
 * The review workflow of one document: statuses, undo and redo (of the store, across restarts), and the
 * counts per status the header shows; all of it refreshed as saves land.
 */
export function useReviewActions(documentId: number, editor: DocumentEditor, onError: (error: unknown) => void) {
  const [undoState, setUndoState] = useState<{ undo: Batch | null; redo: Batch | null }>({ undo: null, redo: null });
  const [statusCounts, setStatusCounts] = useState<Partial<Record<SegmentStatus, number>>>({});
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);
  const savedCount = editor.savedCount;

  useEffect(() => {
    let current = true;
    Promise.all([call('documents.undoState', { documentId }), call('documents.statusCounts', { documentId })]).then(
      ([state, counts]) => {
        if (!current) return;
        setUndoState(state);
        setStatusCounts(counts);
      },
      onError,
    );
    return () => {
      current = false;
    };
  }, [documentId, savedCount, asked, onError]);

  const setStatus = useCallback(
    async (segment: Segment, status: SegmentStatus, reason?: string) => {
      await editor.flush();
      editor.applied([await call('segments.setStatus', { segmentId: segment.id, status, reason })]);
      refresh();
    },
    [editor, refresh],
  );

  const step = useCallback(
    async (direction: 'undo' | 'redo') => {
      await editor.flush();
      const outcome = await call(direction === 'undo' ? 'documents.undo' : 'documents.redo', { documentId });
      editor.applied(outcome.segments);
      refresh();
      return outcome;
    },
    [documentId, editor, refresh],
  );

  /** The first sentence after `position` (wrapping around) that is not confirmed or approved. */
  const nextUnconfirmed = useCallback(
    async (position: number): Promise<number | null> => {
      const lists = await Promise.all(UNCONFIRMED.map((status) => call('segments.positions', { documentId, status })));
      const positions = lists.flat().sort((a, b) => a - b);
      return positions.find((p) => p > position) ?? positions[0] ?? null;
    },
    [documentId],
  );

  return { undoState, statusCounts, setStatus, step, nextUnconfirmed, refresh };
}

import { useCallback, useEffect, useState } from 'react';
import type { Batch } from '../../../core/model/batch';
import type { SegmentStatus } from '../../../core/model/segment';
import { call } from '../../lib/desktop';

export interface DocumentCounts {
  /** Sentences whose text differs from the MT, as stored. */
  edited: number;
  total: number;
  /** Sentences with no text yet (a partly translated file's units still to translate). */
  empty: number;
  byStatus: Partial<Record<SegmentStatus, number>>;
  undo: Batch | null;
  redo: Batch | null;
  /** Whether the figures are the store's (false until the first answer). */
  loaded: boolean;
}

/**
 * Every counter the document screen shows — progress, status counts, undo and redo — read from the store
 * together, again whenever `changeKey` moves (a save landed) or `refresh` is called (after any other kind of
 * change: a status, a bulk change, an undo), so no two counters on screen can disagree.
 */
export function useDocumentCounts(documentId: number, changeKey: number, onError: (error: unknown) => void) {
  const [counts, setCounts] = useState<DocumentCounts>({ edited: 0, total: 0, empty: 0, byStatus: {}, undo: null, redo: null, loaded: false });
  const [asked, setAsked] = useState(0);
  const refresh = useCallback(() => setAsked((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    Promise.all([
      call('documents.summary', { documentId }),
      call('documents.statusCounts', { documentId }),
      call('documents.undoState', { documentId }),
    ]).then(([summary, byStatus, undoState]) => {
      if (!current) return;
      setCounts({ edited: summary.editedCount, total: summary.segmentCount, empty: summary.emptyCount, byStatus, ...undoState, loaded: true });
    }, onError);
    return () => {
      current = false;
    };
  }, [documentId, changeKey, asked, onError]);

  return { counts, refresh };
}

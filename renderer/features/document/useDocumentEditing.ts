import { useCallback, useEffect, useMemo, useReducer, useRef, useSyncExternalStore } from 'react';
import type { Segment } from '../../../core/model/segment';
import { call } from '../../lib/desktop';
import { SaveQueue } from './saveQueue';
import { SegmentPages } from './segmentPages';

const isEdited = (s: Segment) => s.currentText !== s.mtText;

/**
 * The editing state of one open document: fetched pages, the editor's unsaved drafts, autosave, revert, and
 * the count of edited sentences kept current as saves land.
 */
export function useDocumentEditing(documentId: number, initialEditedCount: number, onError: (message: string) => void) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const drafts = useRef(new Map<number, string>());
  const editedCount = useRef(initialEditedCount);

  const pages = useMemo(
    () => new SegmentPages((offset, limit) => call('segments.page', { documentId, offset, limit })),
    [documentId],
  );

  const landed = useCallback(
    (saved: Segment) => {
      const before = pages.at(saved.position - 1);
      if (before) editedCount.current += Number(isEdited(saved)) - Number(isEdited(before));
      if (drafts.current.get(saved.id) === saved.currentText) drafts.current.delete(saved.id);
      pages.replace(saved);
    },
    [pages],
  );

  useSyncExternalStore(pages.subscribe, pages.getVersion);

  const queue = useMemo(
    () => new SaveQueue((segmentId, text) => call('segments.update', { segmentId, text }), landed),
    [landed],
  );
  useEffect(() => () => queue.dispose(), [queue]);
  const saveState = useSyncExternalStore(queue.subscribe, queue.getState);

  const textOf = useCallback((segment: Segment) => drafts.current.get(segment.id) ?? segment.currentText, []);

  const change = useCallback(
    (segment: Segment, text: string) => {
      drafts.current.set(segment.id, text);
      queue.schedule(segment.id, text);
      rerender();
    },
    [queue],
  );

  const revert = useCallback(
    async (segment: Segment) => {
      drafts.current.delete(segment.id);
      rerender();
      try {
        await queue.settle(segment.id);
        landed(await call('segments.revert', { segmentId: segment.id }));
      } catch (error) {
        onError(error instanceof Error ? error.message : String(error));
      }
    },
    [queue, landed, onError],
  );

  return { pages, saveState, textOf, change, revert, flush: () => queue.flush(), editedCount: editedCount.current };
}

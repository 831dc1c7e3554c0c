import { RedlineError } from '../../core/model/errors';
import { NO_EFFORT, type Effort, type RevisionOrigin } from '../../core/model/revision';
import type { Segment } from '../../core/model/segment';
import type { Clock } from '../../db/clock';
import type { Store } from '../../db/store';

export function segmentService(store: Store, clock: Clock) {
  function get(segmentId: number): Segment {
    const segment = store.segments.get(segmentId);
    if (!segment) throw new RedlineError('not_found', `There is no segment with id ${segmentId}.`);
    return segment;
  }

  /** Records a new text for a segment: one revision and the segment's new state, together or not at all. */
  function write(
    segmentId: number,
    text: string,
    origin: RevisionOrigin,
    effort: Effort = NO_EFFORT,
    batchId: number | null = null,
  ): Segment {
    return store.transaction(() => {
      const segment = get(segmentId);
      if (segment.currentText === text) return segment;
      const now = clock();
      store.revisions.append(segmentId, text, origin, now, effort, batchId);
      store.segments.setText(segmentId, text, text === segment.mtText ? 'not_started' : 'edited', now);
      return get(segmentId);
    });
  }

  return {
    get,
    write,
    page(documentId: number, offset: number, limit: number): { total: number; items: Segment[] } {
      if (!store.documents.summary(documentId)) {
        throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      }
      return { total: store.segments.count(documentId), items: store.segments.page(documentId, offset, limit) };
    },
    update: (segmentId: number, text: string, effort: Partial<Effort> = {}): Segment =>
      write(segmentId, text, 'edit', { editMs: effort.editMs ?? 0, keystrokes: effort.keystrokes ?? 0 }),
    revert: (segmentId: number): Segment => write(segmentId, get(segmentId).mtText, 'revert'),
    history: (segmentId: number) => (get(segmentId), store.revisions.forSegment(segmentId)),
  };
}

export type SegmentService = ReturnType<typeof segmentService>;

import type { Services } from '../../../services';
import type { Handlers } from '../dispatcher';

type SegmentHandlers = Pick<Handlers, 'segments.page' | 'segments.update' | 'segments.revert'>;

export function segmentHandlers({ segments }: Services): SegmentHandlers {
  return {
    'segments.page': ({ documentId, offset, limit }) => segments.page(documentId, offset, limit),
    'segments.update': ({ segmentId, text, editMs, keystrokes, continues, restores }) =>
      segments.update(segmentId, text, { editMs, keystrokes }, continues, restores),
    'segments.revert': ({ segmentId }) => segments.revert(segmentId),
  };
}

import type { Services } from '../../services';
import type { Handlers } from '../dispatcher';

type ReviewHandlers = Pick<
  Handlers,
  | 'segments.setStatus'
  | 'segments.history'
  | 'segments.restore'
  | 'segments.note'
  | 'segments.positions'
  | 'documents.summary'
  | 'documents.statusCounts'
  | 'documents.undoState'
  | 'documents.undo'
  | 'documents.redo'
  | 'documents.timeline'
  | 'documents.changesSince'
  | 'documents.rename'
  | 'documents.delete'
>;

/** The review workflow: statuses, history, notes, filters, undo and redo, the timeline, the library. */
export function reviewHandlers({ segments, documents, batches }: Services): ReviewHandlers {
  return {
    'segments.setStatus': ({ segmentId, status, reason }) => segments.setStatus(segmentId, status, reason),
    'segments.history': ({ segmentId }) => segments.history(segmentId),
    'segments.restore': ({ segmentId, revisionId }) => segments.restore(segmentId, revisionId),
    'segments.note': ({ segmentId, text }) => segments.note(segmentId, text),
    'segments.positions': ({ documentId, ...filter }) => segments.positions(documentId, filter),
    'documents.summary': ({ documentId }) => documents.summary(documentId),
    'documents.statusCounts': ({ documentId }) => documents.statusCounts(documentId),
    'documents.undoState': ({ documentId }) => batches.state(documentId),
    'documents.undo': ({ documentId }) => batches.undoLast(documentId),
    'documents.redo': ({ documentId }) => batches.redoLast(documentId),
    'documents.timeline': ({ documentId, since, origins }) => documents.timeline(documentId, since, origins),
    'documents.changesSince': ({ documentId, since }) => documents.changesSince(documentId, since),
    'documents.rename': ({ documentId, title }) => documents.rename(documentId, title),
    'documents.delete': ({ documentId }) => (documents.remove(documentId), null),
  };
}

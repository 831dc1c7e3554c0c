import type { Services } from '../../../services';
import { bulkWrites, type BulkWrites } from '../../../services/bulkWrites';
import type { Handlers } from '../dispatcher';

type ReviewHandlers = Pick<
  Handlers,
  | 'segments.setStatus'
  | 'segments.history'
  | 'segments.restore'
  | 'segments.note'
  | 'segments.positions'
  | 'segments.nextUnconfirmed'
  | 'documents.summary'
  | 'documents.statusCounts'
  | 'documents.undoState'
  | 'documents.undo'
  | 'documents.redo'
  | 'documents.timeline'
  | 'documents.changesSince'
  | 'documents.rename'
  | 'documents.delete'
  | 'batches.progress'
  | 'batches.stop'
>;

/** The review workflow: statuses, history, notes, filters, undo and redo, the timeline, the library. */
export function reviewHandlers({ segments, documents, batches }: Services, bulk: BulkWrites = bulkWrites()): ReviewHandlers {
  return {
    'segments.setStatus': ({ segmentId, status, reason }) => segments.setStatus(segmentId, status, reason),
    'segments.history': ({ segmentId }) => segments.history(segmentId),
    'segments.restore': ({ segmentId, revisionId }) => segments.restore(segmentId, revisionId),
    'segments.note': ({ segmentId, text }) => segments.note(segmentId, text),
    'segments.positions': ({ documentId, ...filter }) => segments.positions(documentId, filter),
    'segments.nextUnconfirmed': ({ documentId, after, among }) => segments.nextUnconfirmed(documentId, after, among),
    'documents.summary': ({ documentId }) => documents.summary(documentId),
    'documents.statusCounts': ({ documentId }) => documents.statusCounts(documentId),
    'documents.undoState': ({ documentId }) => batches.state(documentId),
    // An undo or redo stopped part way would leave the rest of its step out of reach of undo: they run to the end.
    'documents.undo': ({ documentId }) => bulk.run(documentId, () => batches.undoLastSteps(documentId), { stoppable: false }),
    'documents.redo': ({ documentId }) => bulk.run(documentId, () => batches.redoLastSteps(documentId), { stoppable: false }),
    'documents.timeline': ({ documentId, since, origins }) => documents.timeline(documentId, since, origins),
    'documents.changesSince': ({ documentId, since }) => documents.changesSince(documentId, since),
    'documents.rename': ({ documentId, title }) => documents.rename(documentId, title),
    'documents.delete': async ({ documentId }) => (await bulk.run(documentId, () => documents.removeSteps(documentId), { stoppable: false }), null),
    'batches.progress': ({ documentId }) => bulk.progress(documentId),
    'batches.stop': ({ documentId }) => ({ stopping: bulk.stop(documentId) }),
  };
}

type AnnotationHandlers = Pick<
  Handlers,
  | 'annotations.add'
  | 'annotations.remove'
  | 'annotations.ofSegment'
  | 'annotations.ofDocument'
  | 'annotations.summary'
  | 'annotations.setThreshold'
>;

/** MQM error annotations (the HTML review report is written by exports.ts). */
export function annotationHandlers({ annotations }: Services): AnnotationHandlers {
  return {
    'annotations.add': ({ segmentId, side, start, end, category, severity, comment, quote }) =>
      annotations.add(segmentId, side, start, end, category, severity, comment, quote),
    'annotations.remove': ({ id }) => (annotations.remove(id), null),
    'annotations.ofSegment': ({ segmentId }) => annotations.ofSegment(segmentId),
    'annotations.ofDocument': ({ documentId }) => annotations.ofDocument(documentId),
    'annotations.summary': ({ documentId }) => annotations.summary(documentId),
    'annotations.setThreshold': ({ documentId, threshold }) => annotations.setThreshold(documentId, threshold),
  };
}

/** Full-text search, and find and replace in one document. */
export function searchHandlers({
  search,
  replace,
  find,
}: Services, bulk: BulkWrites = bulkWrites()): Pick<Handlers, 'search.query' | 'find.matches' | 'find.positions' | 'replace.preview' | 'replace.apply'> {
  return {
    'search.query': ({ query, ...request }) => search.search(query, request),
    'find.matches': ({ documentId, columns, ...options }) => find.matches(documentId, options, columns),
    'find.positions': ({ documentId, ...options }) => find.positions(documentId, options),
    'replace.preview': ({ documentId, ...options }) => bulk.preview(documentId, () => replace.previewSteps(documentId, options)),
    'replace.apply': ({ documentId, segmentIds, ...options }) => bulk.run(documentId, () => replace.applySteps(documentId, options, segmentIds)),
  };
}

import type { Services } from '../../../services';
import type { Handlers } from '../dispatcher';

type CheckHandlers = Pick<
  Handlers,
  | 'checks.document'
  | 'checks.segment'
  | 'checks.ignore'
  | 'checks.languages'
  | 'checks.setLanguages'
  | 'checks.addWord'
  | 'fixes.applyOne'
  | 'fixes.preview'
  | 'fixes.applyAll'
  | 'propagation.suggest'
  | 'propagation.apply'
  | 'batches.undo'
>;

export function checkHandlers({ checks, propagation, batches }: Services): CheckHandlers {
  return {
    'checks.document': ({ documentId }) => checks.document(documentId),
    'checks.segment': ({ segmentId, text }) => checks.segment(segmentId, text),
    'checks.ignore': ({ segmentId, check, ignored }) => (checks.ignore(segmentId, check, ignored), null),
    'checks.languages': ({ documentId }) => checks.languages(documentId),
    'checks.setLanguages': ({ documentId, source, target }) => (checks.setLanguages(documentId, { source, target }), null),
    'checks.addWord': ({ word }) => (checks.addWord(word), null),
    'fixes.applyOne': ({ segmentId, check, start, end }) => checks.fixOne(segmentId, check, start, end),
    'fixes.preview': ({ documentId, check }) => checks.previewAll(documentId, check),
    'fixes.applyAll': ({ documentId, check, segmentIds }) => checks.applyAll(documentId, check, segmentIds),
    'propagation.suggest': ({ segmentId, before, after }) => propagation.suggest(segmentId, before, after),
    'propagation.apply': ({ documentId, rule, segmentIds }) => propagation.apply(documentId, rule, segmentIds),
    'batches.undo': ({ batchId }) => batches.undo(batchId),
  };
}

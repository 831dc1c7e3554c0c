import { RedlineError } from '../../../core/model/errors';
import type { Services } from '../../../services';
import type { WholeChecks } from '../../../services/wholeChecks';
import type { Handlers } from '../dispatcher';

type CheckHandlers = Pick<
  Handlers,
  | 'checks.document'
  | 'checks.segment'
  | 'checks.ignore'
  | 'checks.languages'
  | 'checks.setLanguages'
  | 'checks.addWord'
  | 'checks.cancelWhole'
  | 'fixes.applyOne'
  | 'fixes.preview'
  | 'fixes.applyAll'
  | 'propagation.suggest'
  | 'propagation.preview'
  | 'propagation.apply'
  | 'batches.undo'
>;

/**
 * `background`: where a document's first whole check runs (a worker thread), so `checks.document` answers at once
 * with how far it is; without it (tests binding the services directly) the check runs on the request path.
 */
export function checkHandlers({ checks, propagation, batches, spelling }: Services, background?: WholeChecks): CheckHandlers {
  return {
    'checks.document': ({ documentId }) => {
      // The document's dictionary is being built between requests: its flags come once it is, so the answer
      // says pending (the window asks again) and shows what is stored if that is current without spelling.
      if (spelling.loading(documentId)) {
        const now = checks.isChecked(documentId) ? checks.document(documentId) : { counts: {}, segments: [] };
        return { ...now, pending: { done: 0, total: 0 } };
      }
      if (!background || checks.isChecked(documentId)) return checks.document(documentId);
      // A failed background check is asked for again by the next call; its reason reaches the log.
      background.start(documentId).catch((error: unknown) => {
        if (!(error instanceof RedlineError && error.code === 'cancelled')) console.error('Redline: the background check failed', error);
      });
      return { counts: {}, segments: [], pending: background.progress(documentId) ?? { done: 0, total: 0 } };
    },
    'checks.cancelWhole': ({ documentId }) => background?.cancel(documentId) ?? false,
    'checks.segment': ({ segmentId, text }) => checks.segment(segmentId, text),
    'checks.ignore': ({ segmentId, check, ignored }) => (checks.ignore(segmentId, check, ignored), null),
    'checks.languages': ({ documentId }) => checks.languages(documentId),
    'checks.setLanguages': ({ documentId, source, target }) => (checks.setLanguages(documentId, { source, target }), null),
    'checks.addWord': ({ word }) => (checks.addWord(word), null),
    'fixes.applyOne': ({ segmentId, check, start, end }) => checks.fixOne(segmentId, check, start, end),
    'fixes.preview': ({ documentId, check }) => checks.previewAll(documentId, check),
    'fixes.applyAll': ({ documentId, check, segmentIds }) => checks.applyAll(documentId, check, segmentIds),
    'propagation.suggest': ({ segmentId, before, after }) => propagation.suggest(segmentId, before, after),
    'propagation.preview': ({ segmentId, rule }) => propagation.preview(segmentId, rule),
    'propagation.apply': ({ documentId, rule, segmentIds }) => propagation.apply(documentId, rule, segmentIds),
    'batches.undo': ({ batchId }) => batches.undo(batchId),
  };
}

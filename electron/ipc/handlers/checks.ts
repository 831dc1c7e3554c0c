import { RedlineError } from '../../../core/model/errors';
import type { Services } from '../../../services';
import { bulkWrites, type BulkWrites } from '../../../services/bulkWrites';
import { contextWarming, type ContextWarming } from '../../../services/contextWarming';
import type { WholeChecks } from '../../../services/wholeChecks';
import type { Handlers } from '../dispatcher';

type CheckHandlers = Pick<
  Handlers,
  | 'checks.document'
  | 'checks.inRange'
  | 'checks.nearest'
  | 'checks.positions'
  | 'checks.segment'
  | 'checks.ignore'
  | 'checks.ignoredCount'
  | 'checks.showIgnored'
  | 'checks.languages'
  | 'checks.setLanguages'
  | 'checks.addWord'
  | 'checks.words'
  | 'checks.removeWord'
  | 'checks.settings'
  | 'checks.setSetting'
  | 'checks.cancelWhole'
  | 'fixes.applyOne'
  | 'fixes.preview'
  | 'fixes.applyAll'
  | 'propagation.suggest'
  | 'propagation.preview'
  | 'propagation.apply'
  | 'batches.undo'
>;

const logWarmingFailure = (error: unknown) => console.error('Redline: building the check context between requests failed', error);

/**
 * `background`: where a document's first whole check runs (a worker thread), so `checks.document` answers at once
 * with how far it is; without it (tests binding the services directly) the check runs on the request path.
 * With it, the checked document's context is built between requests (`warming`), ready for its first save.
 */
export function checkHandlers(
  services: Services,
  background?: WholeChecks,
  bulk: BulkWrites = bulkWrites(),
  warming: ContextWarming = contextWarming(services.checks),
): CheckHandlers {
  const { checks, propagation, batches, spelling, segments } = services;
  // A store set aside or restored is not read by a build started on the one before.
  if (background) services.onStoreClosing(() => warming.stop());
  /** A bulk fix reads the stored flags: stale ones are brought up to date by a whole check in the worker, not here. */
  const flagsCurrent = async (documentId: number): Promise<void> => {
    if (background && !checks.catchUp(documentId)) await background.start(documentId);
  };
  return {
    'checks.document': ({ documentId }) => {
      // The document's dictionary is being built between requests: its flags come once it is, so the answer
      // says pending (the window asks again) and shows what is stored if that is current without spelling.
      if (spelling.loading(documentId)) {
        // Else the counts as stored, as the flags of the rows on screen (checks.inRange) are: both until the new ones.
        const now = checks.isChecked(documentId) ? checks.summary(documentId) : checks.storedSummary(documentId);
        return { ...now, pending: { done: 0, total: 0 } };
      }
      if (!background) return checks.summary(documentId);
      if (checks.catchUp(documentId)) {
        const answer = checks.summary(documentId);
        warming.open(documentId).catch(logWarmingFailure);
        return answer;
      }
      // A failed background check is told to the next call (the panel shows why and stops asking); the call
      // after that — the next save's — starts it again.
      const failure = background.takeFailure(documentId);
      if (failure) throw failure;
      background.start(documentId).then(
        () => warming.open(documentId).catch(logWarmingFailure),
        (error: unknown) => {
          if (!(error instanceof RedlineError && error.code === 'cancelled')) console.error('Redline: the background check failed', error);
        },
      );
      // Meanwhile the flags as stored: none for a first check, those from before a write that marked them stale.
      return { ...checks.storedSummary(documentId), pending: background.progress(documentId) ?? { done: 0, total: 0 } };
    },
    // The window's reads of the flags themselves: what is stored, a screen (or a list of positions) at a time.
    'checks.inRange': ({ documentId, from, to }) => checks.storedInRange(documentId, from, to),
    'checks.nearest': ({ documentId, position, direction }) => checks.nearest(documentId, position, direction)?.position ?? null,
    'checks.positions': ({ documentId, check }) => checks.storedPositions(documentId, check),
    'checks.cancelWhole': ({ documentId }) => background?.cancel(documentId) ?? false,
    'checks.segment': ({ segmentId, text }) => checks.segment(segmentId, text),
    'checks.ignore': ({ segmentId, check, words, ignored }) => (checks.ignore(segmentId, check, words, ignored), null),
    'checks.ignoredCount': ({ segmentId }) => checks.ignoredCount(segmentId),
    'checks.showIgnored': ({ segmentId }) => checks.showIgnored(segmentId),
    'checks.languages': ({ documentId }) => checks.languages(documentId),
    'checks.setLanguages': ({ documentId, source, target }) => (checks.setLanguages(documentId, { source, target }), null),
    'checks.addWord': ({ word }) => (checks.addWord(word), null),
    'checks.words': () => checks.words(),
    'checks.removeWord': ({ word }) => (checks.removeWord(word), null),
    'checks.settings': ({ documentId }) => ({ global: checks.settings(null), document: checks.settings(documentId) }),
    'checks.setSetting': ({ documentId, forAll, check, setting }) => (checks.setSetting(forAll ? null : documentId, check, setting), null),
    'fixes.applyOne': ({ segmentId, check, start, end }) => checks.fixOne(segmentId, check, start, end),
    'fixes.preview': async ({ documentId, check }) => {
      await flagsCurrent(documentId);
      return bulk.preview(documentId, () => checks.previewAllSteps(documentId, check));
    },
    'fixes.applyAll': async ({ documentId, check, segmentIds }) => {
      await flagsCurrent(documentId);
      return bulk.run(documentId, () => checks.applyAllSteps(documentId, check, segmentIds));
    },
    'propagation.suggest': ({ segmentId, before, after }) => propagation.suggest(segmentId, before, after),
    'propagation.preview': ({ segmentId, rule }) =>
      bulk.preview(segments.get(segmentId).documentId, () => propagation.previewSteps(segmentId, rule)),
    'propagation.apply': ({ documentId, rule, segmentIds }) => bulk.run(documentId, () => propagation.applySteps(documentId, rule, segmentIds)),
    'batches.undo': ({ batchId }) => bulk.run(batches.get(batchId).documentId, () => batches.undoSteps(batchId), { stoppable: false }),
  };
}

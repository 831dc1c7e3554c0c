import { compileReplace, type FindReplaceOptions, type ReplaceTally } from '../core/findReplace';
import { RedlineError } from '../core/model/errors';
import { mapSteps, runToEnd, type StepProgress, type Steps } from '../core/model/steps';
import type { Store } from '../db/store';
import { PLANNED_A_STEP, type BatchOutcome, type BatchService } from './batchService';
import type { FixPreview } from './checkService';

/** One sentence a replace would change: its current text and the text it would get. */
export type ReplacePreview = FixPreview;

/** Sentences a preview step reads. */
const PREVIEW_PAGE = 500;

/** Long finds and replacements are cut in the batch label (the history shows it on one line). */
const LABEL_PART = 40;
const short = (text: string) => {
  const chars = Array.from(text);
  return chars.length > LABEL_PART ? `${chars.slice(0, LABEL_PART - 1).join('')}…` : text;
};

/** How a replace is named in the history: `Replace “Alma-Ata” → “Almaty” (4)`. */
export const replaceLabel = (options: FindReplaceOptions, count: number) =>
  `Replace “${short(options.find)}” → “${short(options.replace)}” (${count})`;

/**
 * Why a replace whose pattern matched changes nothing, from its pass's tally: every match would have removed,
 * copied or brought in a tag (which a replace leaves as they are), or already read as its replacement — said as
 * such rather than as words that do not occur. Null when nothing matched at all.
 */
export function nothingReplaced(options: FindReplaceOptions, { keptForTags, unchanged }: ReplaceTally): RedlineError | null {
  const find = `“${short(options.find)}”`;
  const all = keptForTags + unchanged;
  const tags = "a replace leaves the file's tags as they are";
  if (all === 0) return null;
  const why =
    unchanged === 0
      ? all === 1
        ? `The one match of ${find} would remove, copy or add a tag, and ${tags}`
        : `All ${all} matches of ${find} would remove, copy or add a tag, and ${tags}`
      : keptForTags === 0
        ? all === 1
          ? `The one match of ${find} already reads as its replacement`
          : `All ${all} matches of ${find} already read as their replacement`
        : `Of the ${all} matches of ${find}, ${keptForTags} would remove, copy or add a tag (${tags}) and ${unchanged} already read as their replacement`;
  return new RedlineError('bad_input', `${why}: nothing would change.`);
}

export function replaceService(store: Store, batches: BatchService) {
  /**
   * The changes a replace makes to the document's current texts, its sentences read a page a step: a preview
   * reads every sentence (3–4 s in a book of 100k), so the app runs it between requests.
   */
  function previewSteps(documentId: number, options: FindReplaceOptions): Steps<StepProgress, ReplacePreview[]> {
    if (!store.documents.exists(documentId)) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    const replacer = compileReplace(options);
    const total = store.segments.count(documentId);
    return (function* () {
      const changes: ReplacePreview[] = [];
      const tally: ReplaceTally = { keptForTags: 0, unchanged: 0 };
      for (const page of store.segments.textPages(documentId, PREVIEW_PAGE)) {
        for (const row of page) {
          const replaced = replacer.replace(row.text, tally);
          if (replaced !== null) {
            changes.push({ segmentId: row.id, position: row.position, before: row.text, after: replaced, ...(row.lockedBy && { locked: row.lockedBy }) });
          }
        }
        yield { done: page[page.length - 1]!.position, total };
      }
      const why = changes.length === 0 ? nothingReplaced(options, tally) : null;
      if (why) throw why;
      return changes;
    })();
  }

  /**
   * Replaces in the chosen sentences, as one undoable batch ('replace' revisions), a few sentences a step (see
   * batchService): the replace is worked out again on their current texts, so a sentence edited since the preview
   * gets the replace applied to its new text, and one that no longer matches is left alone. Only the chosen
   * sentences are read.
   */
  function* applySteps(documentId: number, options: FindReplaceOptions, segmentIds: readonly number[]): Steps<StepProgress, BatchOutcome> {
    const chosen = [...new Set(segmentIds)];
    if (chosen.length === 0) throw new RedlineError('bad_input', 'Choose at least one sentence to replace in.');
    if (!store.documents.exists(documentId)) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    const replacer = compileReplace(options);
    const tally: ReplaceTally = { keptForTags: 0, unchanged: 0 };
    const changes = yield* mapSteps(
      chosen,
      (id): ReplacePreview | null => {
        const segment = store.segments.get(id);
        if (segment?.documentId !== documentId) throw new RedlineError('bad_input', `Segment ${id} is not part of document ${documentId}.`);
        const after = replacer.replace(segment.currentText, tally);
        return after === null ? null : { segmentId: id, position: segment.position, before: segment.currentText, after, ...(segment.lockedBy && { locked: segment.lockedBy }) };
      },
      PLANNED_A_STEP,
    );
    if (changes.length === 0) {
      throw nothingReplaced(options, tally) ?? new RedlineError('bad_input', `Nothing to replace: the chosen sentences no longer contain “${short(options.find)}”.`);
    }
    changes.sort((a, b) => a.position - b.position);
    return yield* batches.applySteps(documentId, 'replace', (count) => replaceLabel(options, count), 'replace', changes);
  }


  return {
    /**
     * Every sentence of the document whose current text the replace would change, in order, with the text
     * before and after. Throws RedlineError('bad_input') for an empty find, an invalid regular expression
     * or one that can match empty text, or a replacement naming a group the expression lacks.
     */
    preview: (documentId: number, options: FindReplaceOptions): ReplacePreview[] => runToEnd(previewSteps(documentId, options)),
    previewSteps,

    /** applySteps at once, in one transaction. */
    apply(documentId: number, options: FindReplaceOptions, segmentIds: readonly number[]): BatchOutcome {
      return batches.run(applySteps(documentId, options, segmentIds));
    },
    applySteps,
  };
}

export type ReplaceService = ReturnType<typeof replaceService>;

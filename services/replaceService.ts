import { compileReplace, type FindReplaceOptions } from '../core/findReplace';
import { RedlineError } from '../core/model/errors';
import type { SegmentText } from '../db/repositories/segments';
import type { Store } from '../db/store';
import type { BatchOutcome, BatchService } from './batchService';
import type { FixPreview } from './checkService';

/** One sentence a replace would change: its current text and the text it would get. */
export type ReplacePreview = FixPreview;

/** Long finds and replacements are cut in the batch label (the history shows it on one line). */
const LABEL_PART = 40;
const short = (text: string) => {
  const chars = Array.from(text);
  return chars.length > LABEL_PART ? `${chars.slice(0, LABEL_PART - 1).join('')}…` : text;
};

/** How a replace is named in the history: `Replace “Alma-Ata” → “Almaty” (4)`. */
export const replaceLabel = (options: FindReplaceOptions, count: number) =>
  `Replace “${short(options.find)}” → “${short(options.replace)}” (${count})`;

export function replaceService(store: Store, batches: BatchService) {
  function rowsOf(documentId: number): SegmentText[] {
    if (!store.documents.layout(documentId)) {
      throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    }
    return store.segments.texts(documentId);
  }

  /** The changes a replace makes to the given sentences' current texts (all of the document's when null). */
  function plan(documentId: number, options: FindReplaceOptions, only: ReadonlySet<number> | null): ReplacePreview[] {
    const replacer = compileReplace(options);
    const changes: ReplacePreview[] = [];
    for (const row of rowsOf(documentId)) {
      if (only && !only.has(row.id)) continue;
      const after = replacer.replace(row.text);
      if (after !== null) {
        changes.push({ segmentId: row.id, position: row.position, before: row.text, after, ...(row.locked && { locked: true }) });
      }
    }
    return changes;
  }

  return {
    /**
     * Every sentence of the document whose current text the replace would change, in order, with the text
     * before and after. Throws RedlineError('bad_input') for an empty find, an invalid regular expression
     * or one that can match empty text, or a replacement naming a group the expression lacks.
     */
    preview(documentId: number, options: FindReplaceOptions): ReplacePreview[] {
      return plan(documentId, options, null);
    },

    /**
     * Replaces in the chosen sentences, as one undoable batch ('replace' revisions): the replace is worked
     * out again on their current texts, so a sentence edited since the preview gets the replace applied to
     * its new text, and one that no longer matches is left alone.
     */
    apply(documentId: number, options: FindReplaceOptions, segmentIds: readonly number[]): BatchOutcome {
      return store.transaction(() => {
        const chosen = new Set(segmentIds);
        if (chosen.size === 0) throw new RedlineError('bad_input', 'Choose at least one sentence to replace in.');
        const inDocument = new Set(rowsOf(documentId).map((row) => row.id));
        for (const id of chosen) {
          if (!inDocument.has(id)) {
            throw new RedlineError('bad_input', `Segment ${id} is not part of document ${documentId}.`);
          }
        }
        const changes = plan(documentId, options, chosen);
        if (changes.length === 0) {
          throw new RedlineError(
            'bad_input',
            `Nothing to replace: the chosen sentences no longer contain “${short(options.find)}”.`,
          );
        }
        return batches.apply(documentId, 'replace', replaceLabel(options, changes.length), 'replace', changes);
      });
    },
  };
}

export type ReplaceService = ReturnType<typeof replaceService>;

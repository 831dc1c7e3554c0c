import { z } from 'zod';
import { count, id } from './fields';
import { segmentSchema } from './segment';

/** What kind of bulk action wrote a batch of revisions. */
export const BATCH_KINDS = ['edit', 'revert', 'status', 'restore', 'fix', 'propagated', 'replace', 'undo', 'redo'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

/**
 * The action a batch's label names, without the "Undo: " and "Redo: " its undos and redos put before it: undoing a
 * redo of "Edit sentence 1" is "Undo: Edit sentence 1", not "Undo: Redo: Edit sentence 1".
 */
export const actionOf = (label: string): string => label.replace(/^(?:(?:Undo|Redo): )+/, '');

/** Revisions written by one action of the editor, shown and undone as one step. */
export const batchSchema = z.object({
  id,
  documentId: id,
  kind: z.enum(BATCH_KINDS),
  label: z.string(),
  /** For an undo, the batch it undid; for a redo, the batch it applied again. */
  undoes: id.nullable(),
  createdAt: z.number(),
  /** How many sentences it changed. */
  size: count,
  /** The undo batch that undid this one, if any. */
  undoneBy: id.nullable(),
});
export type Batch = z.infer<typeof batchSchema>;

/** What a bulk action did: its batch, the sentences it changed, and how many it left alone. */
export const batchOutcomeSchema = z.object({
  batch: batchSchema,
  segments: z.array(segmentSchema),
  /** Sentences left alone because they changed after the preview (or since the batch, for an undo). */
  skipped: count,
  /** Sentences left alone because the file locks them (their text never changes). */
  locked: count,
  /** Sentences left alone because they are too long to edit here (kept as the file has them). */
  tooLong: count,
});
export type BatchOutcome = z.infer<typeof batchOutcomeSchema>;

/** What the editor can undo and redo next in a document. */
export const undoStateSchema = z.object({ undo: batchSchema.nullable(), redo: batchSchema.nullable() });
export type UndoState = z.infer<typeof undoStateSchema>;

import { z } from 'zod';
import { count, id } from './fields';
import { SEGMENT_STATUSES } from './segment';

/** Why a revision was written. The store refuses any other value. */
export const REVISION_ORIGINS = [
  'import',
  'edit',
  'revert',
  'fix',
  'propagated',
  'replace',
  'restore',
  'status',
] as const;
export type RevisionOrigin = (typeof REVISION_ORIGINS)[number];

/** An append-only record of a segment's text at one moment. */
export const revisionSchema = z.object({
  id,
  segmentId: id,
  text: z.string(),
  origin: z.enum(REVISION_ORIGINS),
  createdAt: z.number(),
  /** Time the editor spent to produce it (zero for revisions not typed). */
  editMs: count,
  keystrokes: count,
  /** The batch (an edit, fix all, apply to all, undo …) this revision was written in; none for imports. */
  batchId: id.nullable(),
  /** The status the sentence had after this revision (null for revisions older than statuses). */
  status: z.enum(SEGMENT_STATUSES).nullable(),
  /** Why the sentence was rejected, for a rejection. */
  reason: z.string().nullable(),
  /** For a sentence's history: the revision took back (undo) or applied again (redo) a step, not a restore. */
  step: z.enum(['undo', 'redo']).optional(),
});
export type Revision = z.infer<typeof revisionSchema>;

/** Time and keystrokes the editor spent to produce a revision (zero for revisions not typed). */
export type Effort = Pick<Revision, 'editMs' | 'keystrokes'>;

export const NO_EFFORT: Effort = { editMs: 0, keystrokes: 0 };

import type { SegmentStatus } from './segment';

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

/** Time and keystrokes the editor spent to produce a revision (zero for revisions not typed). */
export interface Effort {
  editMs: number;
  keystrokes: number;
}

export const NO_EFFORT: Effort = { editMs: 0, keystrokes: 0 };

/** An append-only record of a segment's text at one moment. */
export interface Revision extends Effort {
  id: number;
  segmentId: number;
  text: string;
  origin: RevisionOrigin;
  createdAt: number;
  /** The batch (an edit, fix all, apply to all, undo …) this revision was written in; none for imports. */
  batchId: number | null;
  /** The status the sentence had after this revision (null for revisions older than statuses). */
  status: SegmentStatus | null;
  /** Why the sentence was rejected, for a rejection. */
  reason: string | null;
}

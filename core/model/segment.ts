import { z } from 'zod';
import { count, id, ordinal } from './fields';

/** Where a segment stands in the review. Later statuses are set by the review workflow. */
export const SEGMENT_STATUSES = ['not_started', 'edited', 'confirmed', 'approved', 'rejected'] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

/**
 * How the window and the report name each status. "Edited" is a status only: a sentence whose text differs from
 * its MT, whatever its status, is "corrected" (progress, the filter, the metrics), so one word never means both.
 */
export const STATUS_LABELS: Record<SegmentStatus, string> = {
  not_started: 'Not started',
  edited: 'Edited',
  confirmed: 'Confirmed',
  approved: 'Approved',
  rejected: 'Rejected',
};

/**
 * Why a sentence's text never changes here: the file locks the unit (the translation tool locked it), or the unit
 * is longer than a sentence may be (MAX_SEGMENT_LENGTH) and is kept as it came. A unit that is both counts as locked by the file.
 */
export const LOCK_REASONS = ['file', 'length'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

/** How the window, the services' refusals and the report say each reason ("2 locked in the file"). */
export const LOCK_WORDS: Record<LockReason, string> = {
  file: 'locked in the file',
  length: 'too long to edit here',
};

/** The same at the start of a title ("Too long to edit here: read-only"). */
export const lockTitle = (reason: LockReason | null): string => {
  const words = LOCK_WORDS[reason ?? 'file'];
  return `${words[0]!.toUpperCase()}${words.slice(1)}`;
};

/** One sentence of a document as the editor sees it. */
export const segmentSchema = z.object({
  id,
  documentId: id,
  /** 1-based order in the document. */
  position: ordinal,
  /** 1-based paragraph number; sentences of one paragraph share it. */
  paragraph: ordinal,
  mtText: z.string(),
  currentText: z.string(),
  sourceText: z.string().nullable(),
  status: z.enum(SEGMENT_STATUSES),
  revisionCount: count,
  /** Editing time recorded over all of the segment's revisions. */
  editMs: count,
  keystrokes: count,
  /** The note left on the sentence, if any. */
  note: z.string().nullable(),
  /** Notes the imported file carried for the unit (XLIFF notes, PO comments …). */
  fileNotes: z.array(z.string()),
  /** Its text never changes here (shown, never edited, written back as it came): see `lockedBy` for why. */
  locked: z.boolean(),
  /** Why it is locked: the file locks the unit (Trados' locked segments), or it is too long to edit; null if not. */
  lockedBy: z.enum(LOCK_REASONS).nullable(),
  /** Why the sentence was rejected (the reason given last), while it is rejected; absent or null otherwise. */
  rejectReason: z.string().nullable().optional(),
  updatedAt: z.number(),
});
export type Segment = z.infer<typeof segmentSchema>;

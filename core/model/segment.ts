/** Where a segment stands in the review. Later statuses are set by the review workflow. */
export const SEGMENT_STATUSES = ['not_started', 'edited', 'confirmed', 'approved', 'rejected'] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

/** How the window and the report name each status. */
export const STATUS_LABELS: Record<SegmentStatus, string> = {
  not_started: 'Not started',
  edited: 'Edited',
  confirmed: 'Confirmed',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** One sentence of a document as the editor sees it. */
export interface Segment {
  id: number;
  documentId: number;
  /** 1-based order in the document. */
  position: number;
  /** 1-based paragraph number; sentences of one paragraph share it. */
  paragraph: number;
  mtText: string;
  currentText: string;
  sourceText: string | null;
  status: SegmentStatus;
  revisionCount: number;
  /** Editing time recorded over all of the segment's revisions. */
  editMs: number;
  keystrokes: number;
  /** The note left on the sentence, if any. */
  note: string | null;
  /** Notes the imported file carried for the unit (XLIFF notes, PO comments …). */
  fileNotes: string[];
  updatedAt: number;
}

/** What kind of bulk action wrote a batch of revisions. */
export const BATCH_KINDS = ['edit', 'revert', 'status', 'restore', 'fix', 'propagated', 'replace', 'undo', 'redo'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

/** Revisions written by one action of the editor, shown and undone as one step. */
export interface Batch {
  id: number;
  documentId: number;
  kind: BatchKind;
  label: string;
  /** For an undo, the batch it undid; for a redo, the batch it applied again. */
  undoes: number | null;
  createdAt: number;
  /** How many sentences it changed. */
  size: number;
  /** The undo batch that undid this one, if any. */
  undoneBy: number | null;
}

/** What the library shows of a stored document. */
export interface DocumentSummary {
  id: number;
  title: string;
  fileName: string;
  segmentCount: number;
  /** Segments whose current text differs from the MT. */
  editedCount: number;
  /** Segments confirmed or approved: the review's progress. */
  confirmedCount: number;
  createdAt: number;
  openedAt: number;
}

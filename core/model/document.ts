/** What the library shows of a stored document. */
export interface DocumentSummary {
  id: number;
  title: string;
  fileName: string;
  segmentCount: number;
  /** Segments whose current text differs from the MT. */
  editedCount: number;
  createdAt: number;
  openedAt: number;
}

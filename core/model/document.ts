/** What the library shows of a stored document. */
export interface DocumentSummary {
  id: number;
  title: string;
  fileName: string;
  /** The format it was imported in (see core/formats), and its encoding ('binary' for DOCX). */
  format: string;
  encoding: string;
  segmentCount: number;
  /** Segments whose current text differs from the MT. */
  editedCount: number;
  /** Segments confirmed or approved: the review's progress. */
  confirmedCount: number;
  createdAt: number;
  openedAt: number;
}

import { z } from 'zod';
import { count, id } from './fields';

/** What the library shows of a stored document. */
export const documentSummarySchema = z.object({
  id,
  title: z.string(),
  fileName: z.string(),
  /** The format it was imported in (see core/formats), and its encoding ('binary' for DOCX). */
  format: z.string(),
  encoding: z.string(),
  segmentCount: count,
  /** Segments whose current text differs from the MT. */
  editedCount: count,
  /** Segments confirmed or approved: the review's progress. */
  confirmedCount: count,
  /** Segments with no text yet: the empty targets of a partly translated file still to translate, or emptied. */
  emptyCount: count,
  /**
   * Whether its export in the original format writes the editor's notes where the format has a place for them
   * (XLIFF, PO, TMX): false for a document imported before Redline recorded those places (migration 0030).
   */
  notesPlaced: z.boolean(),
  createdAt: z.number(),
  openedAt: z.number(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

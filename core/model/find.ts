import { z } from 'zod';
import { count, ordinal } from './fields';

/** The texts of a sentence a find in the grid looks in, in the order the grid shows them. */
export const FIND_COLUMNS = ['source', 'mt', 'target'] as const;
export type FindColumn = (typeof FIND_COLUMNS)[number];

/** Matches listed at most for one find: enough to step through, small enough to send over IPC at once. */
export const MAX_FIND_MATCHES = 10_000;

/** One match of a find in a document: the sentence, the text it is in, and where (UTF-16 offsets, end exclusive). */
export const findMatchSchema = z.object({
  position: ordinal,
  column: z.enum(FIND_COLUMNS),
  start: count,
  end: count,
});
export type FindMatch = z.infer<typeof findMatchSchema>;

/** A document's matches in document order (sentence, then source → MT → correction, then offset). */
export const findResultSchema = z.object({
  matches: z.array(findMatchSchema),
  /** More matches than are listed (the list stops at the limit). */
  truncated: z.boolean(),
});
export type FindResult = z.infer<typeof findResultSchema>;

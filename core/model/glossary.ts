import { z } from 'zod';
import { id } from './fields';

/** A glossary term: the spelling to use, and the variants that should be replaced by it. */
export const glossaryEntrySchema = z.object({
  id,
  preferred: z.string(),
  forbidden: z.array(z.string()),
  note: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

export type NewGlossaryEntry = Pick<GlossaryEntry, 'preferred' | 'forbidden'> & { note?: string };

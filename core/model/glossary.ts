/** A glossary term: the spelling to use, and the variants that should be replaced by it. */
export interface GlossaryEntry {
  id: number;
  preferred: string;
  forbidden: string[];
  note: string;
  createdAt: number;
  updatedAt: number;
}

export type NewGlossaryEntry = Pick<GlossaryEntry, 'preferred' | 'forbidden'> & { note?: string };

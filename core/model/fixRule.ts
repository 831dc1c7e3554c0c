import { z } from 'zod';
import { count, id } from './fields';

/** A correction the editor made once, kept to offer again: replace `find` by `replace`. */
export const fixRuleSchema = z.object({
  id,
  find: z.string(),
  replace: z.string(),
  wholeWord: z.boolean(),
  caseSensitive: z.boolean(),
  enabled: z.boolean(),
  /** How many sentences it has changed so far. */
  uses: count,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type FixRule = z.infer<typeof fixRuleSchema>;

export type NewFixRule = Pick<FixRule, 'find' | 'replace'> & Partial<Pick<FixRule, 'wholeWord' | 'caseSensitive' | 'enabled'>>;

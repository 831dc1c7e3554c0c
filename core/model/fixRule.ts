/** A correction the editor made once, kept to offer again: replace `find` by `replace`. */
export interface FixRule {
  id: number;
  find: string;
  replace: string;
  wholeWord: boolean;
  caseSensitive: boolean;
  enabled: boolean;
  /** How many sentences it has changed so far. */
  uses: number;
  createdAt: number;
  updatedAt: number;
}

export type NewFixRule = Pick<FixRule, 'find' | 'replace'> & Partial<Pick<FixRule, 'wholeWord' | 'caseSensitive' | 'enabled'>>;

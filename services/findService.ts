import { compileReplace, rowMatches, rowPasses, type FindOptions, type FindRow } from '../core/findReplace';
import { MAX_FIND_MATCHES, type FindColumn, type FindMatch, type FindResult } from '../core/model/find';
import { RedlineError } from '../core/model/errors';
import type { Store } from '../db/store';

export { MAX_FIND_MATCHES };

/**
 * Find in one document's grid, and the text/regex row filter: the same query (literal or regex, case, whole
 * word; see core/findReplace) over the sentences' source, MT and current correction as stored.
 */
export function findService(store: Store) {
  /** The document's sentences as the grid shows them, by position (positions run 1…n). */
  function rows(documentId: number): FindRow[] {
    if (!store.documents.summary(documentId)) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    return store.segments.units(documentId).map((row, i) => ({ position: i + 1, sourceText: row.source, mtText: row.mtText, currentText: row.text }));
  }

  const compile = (options: FindOptions) => compileReplace({ ...options, replace: '' });

  return {
    /** Every match in the chosen columns, in document order, up to `limit`. */
    matches(documentId: number, options: FindOptions, columns: readonly FindColumn[], limit = MAX_FIND_MATCHES): FindResult {
      const finder = compile(options);
      const matches: FindMatch[] = [];
      for (const row of rows(documentId)) {
        for (const match of rowMatches(finder, row, columns)) {
          if (matches.length === limit) return { matches, truncated: true };
          matches.push(match);
        }
      }
      return { matches, truncated: false };
    },

    /** Positions of the sentences whose source, MT or correction matches, in order. */
    positions(documentId: number, options: FindOptions): number[] {
      const finder = compile(options);
      return rows(documentId).flatMap((row) => (rowPasses(finder, row) ? [row.position] : []));
    },
  };
}

export type FindService = ReturnType<typeof findService>;

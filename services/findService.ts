import { compileReplace, type FindOptions } from '../core/findReplace';
import type { FindColumn, FindMatch, FindResult } from '../core/model/find';
import { RedlineError } from '../core/model/errors';
import type { Store } from '../db/store';

/** Matches listed at most for one find: enough to step through, small enough to send over IPC at once. */
export const MAX_FIND_MATCHES = 10_000;

/**
 * Find in one document's grid, and the text/regex row filter: the same query (literal or regex, case, whole
 * word; see core/findReplace) over the sentences' source, MT and current correction as stored.
 */
export function findService(store: Store) {
  /** The document's sentences as the grid shows them, by position (positions run 1…n). */
  function rows(documentId: number) {
    if (!store.documents.summary(documentId)) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    return store.segments.units(documentId);
  }

  const compile = (options: FindOptions) => compileReplace({ ...options, replace: '' });

  return {
    /** Every match in the chosen columns, in document order, up to `limit`. */
    matches(documentId: number, options: FindOptions, columns: readonly FindColumn[], limit = MAX_FIND_MATCHES): FindResult {
      const finder = compile(options);
      const wanted = new Set(columns);
      const matches: FindMatch[] = [];
      let truncated = false;
      const all = rows(documentId);
      outer: for (let i = 0; i < all.length; i++) {
        const row = all[i]!;
        const texts: Record<FindColumn, string | null> = { source: row.source, mt: row.mtText, target: row.text };
        for (const column of ['source', 'mt', 'target'] as const) {
          const text = texts[column];
          if (!wanted.has(column) || !text) continue;
          for (const range of finder.ranges(text)) {
            if (matches.length === limit) {
              truncated = true;
              break outer;
            }
            matches.push({ position: i + 1, column, start: range.start, end: range.end });
          }
        }
      }
      return { matches, truncated };
    },

    /** Positions of the sentences whose source, MT or correction matches, in order. */
    positions(documentId: number, options: FindOptions): number[] {
      const finder = compile(options);
      const found: number[] = [];
      rows(documentId).forEach((row, i) => {
        if ([row.source, row.mtText, row.text].some((text) => text && finder.count(text) > 0)) found.push(i + 1);
      });
      return found;
    },
  };
}

export type FindService = ReturnType<typeof findService>;

import { FIND_COLUMNS, type FindColumn, type FindMatch, type FindResult } from '../model/find';
import type { Replacer } from './findReplace';

/**
 * Keeping a find's answer current while the document changes, without asking for the whole document again:
 * a change (a save, a fix-all, a replace, an undo, a propagation) names the sentences it touched with their
 * new texts, and only those are tested again and patched into the list. The full query runs only when the
 * query itself changes.
 */

/** The texts of one sentence a find looks in, as stored. */
export interface FindRow {
  position: number;
  sourceText: string | null;
  mtText: string;
  currentText: string;
}

const textOf = (row: FindRow, column: FindColumn): string | null =>
  column === 'source' ? row.sourceText : column === 'mt' ? row.mtText : row.currentText;

/** A sentence's matches in the chosen columns, in document order (source → MT → correction, then offset). */
export function rowMatches(finder: Replacer, row: FindRow, columns: readonly FindColumn[]): FindMatch[] {
  const matches: FindMatch[] = [];
  for (const column of FIND_COLUMNS) {
    const text = textOf(row, column);
    if (!columns.includes(column) || !text) continue;
    for (const range of finder.ranges(text)) matches.push({ position: row.position, column, ...range });
  }
  return matches;
}

/** Whether any of a sentence's texts matches: what the row filter keeps. */
export const rowPasses = (finder: Replacer, row: FindRow): boolean =>
  [row.sourceText, row.mtText, row.currentText].some((text) => text && finder.count(text) > 0);

/** The first index in a sorted list whose key is at least `key`. */
function lowerBound<T>(list: readonly T[], key: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(list[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The find's answer with the changed sentences tested again: their old matches out, their new ones in, in
 * document order. A list cut short at `limit` stays a prefix of the document's matches: a sentence after its
 * last listed match is not added (its matches were never listed), and a list grown past the limit is cut.
 */
export function patchMatches(
  result: FindResult,
  changed: readonly FindRow[],
  finder: Replacer,
  columns: readonly FindColumn[],
  limit: number,
): FindResult {
  if (changed.length === 0) return result;
  const matches = result.matches.slice();
  let truncated = result.truncated;
  const cutAfter = truncated ? (matches[matches.length - 1]?.position ?? 0) : Infinity;
  for (const row of changed) {
    if (row.position > cutAfter) continue;
    const from = lowerBound(matches, row.position, (m) => m.position);
    const to = lowerBound(matches, row.position + 1, (m) => m.position);
    matches.splice(from, to - from, ...rowMatches(finder, row, columns));
  }
  if (matches.length > limit) {
    matches.length = limit;
    truncated = true;
  }
  return { matches, truncated };
}

/** The row filter's positions (sorted) with the changed sentences tested again. */
export function patchPositions(positions: readonly number[], changed: readonly FindRow[], finder: Replacer): number[] {
  if (changed.length === 0) return positions as number[];
  const next = positions.slice();
  for (const row of changed) {
    const at = lowerBound(next, row.position, (p) => p);
    const listed = next[at] === row.position;
    const passes = rowPasses(finder, row);
    if (passes && !listed) next.splice(at, 0, row.position);
    else if (!passes && listed) next.splice(at, 1);
  }
  return next;
}

import type { Flag } from '../../../core/checks/types';
import { rangeOf, supported } from './gridHighlights';

/**
 * The words a flag is about, underlined in the correction as the editor types: misspellings with a wavy line,
 * the other flags' spans with a dotted one. Drawn as CSS custom highlights (`::highlight(name)` in styles.css)
 * over the editor's backdrop, like the find's marks (gridHighlights.ts), so the text and its layout stay as
 * they are. Each row gives its own ranges as its flags or text change; the highlights are made from every
 * row's once per task.
 */
export const SPELLING_MARK = 'flag-spelling';
export const FLAG_MARK = 'flag-other';

const byRow = new Map<object, { spelling: Range[]; other: Range[] }>();
let pending = false;

function redraw(): void {
  pending = false;
  if (!supported()) return;
  const spelling: Range[] = [];
  const other: Range[] = [];
  for (const marks of byRow.values()) {
    spelling.push(...marks.spelling);
    other.push(...marks.other);
  }
  CSS.highlights.set(SPELLING_MARK, new Highlight(...spelling));
  CSS.highlights.set(FLAG_MARK, new Highlight(...other));
}

function schedule(): void {
  if (pending) return;
  pending = true;
  queueMicrotask(redraw);
}

/** A row's flags over its correction's backdrop (`[data-find-column="target"]`), or none while it has none. */
export function markFlags(row: object, backdrop: HTMLElement | null, flags: readonly Flag[]): void {
  const marks = { spelling: [] as Range[], other: [] as Range[] };
  if (backdrop) {
    for (const flag of flags) {
      if (flag.end <= flag.start) continue;
      const range = rangeOf(backdrop, flag.start, flag.end);
      if (range) (flag.check === 'spelling' ? marks.spelling : marks.other).push(range);
    }
  }
  if (marks.spelling.length === 0 && marks.other.length === 0 && !byRow.has(row)) return;
  byRow.set(row, marks);
  schedule();
}

/** The row is gone (scrolled away, the document closed). */
export function unmarkFlags(row: object): void {
  if (byRow.delete(row)) schedule();
}

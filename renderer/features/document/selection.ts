import type { Segment } from '../../../core/model/segment';
import type { Selection } from '../annotations/AnnotateDialog';

/**
 * A selection without the spaces at its edges (Ctrl+Shift+→ takes in the space before a word): the words tagged,
 * not the gaps between them. Null when nothing but spaces was selected.
 */
export function trimmedSelection(text: string, start: number, end: number): { start: number; end: number; quote: string } | null {
  let from = start;
  let to = end;
  while (from < to && /\s/u.test(text[from]!)) from++;
  while (to > from && /\s/u.test(text[to - 1]!)) to--;
  return from < to ? { start: from, end: to, quote: text.slice(from, to) } : null;
}

/**
 * The words the editor selected for an MQM annotation: in the focused correction field, or in a row's MT text
 * (a column marked with data-side; offsets count the characters of that column's text).
 */
export function pickedSelection(active: Segment | null, segmentAt: (position: number) => Segment | undefined): Selection | null {
  const focused = window.document.activeElement;
  if (focused instanceof HTMLTextAreaElement && focused.dataset.position) {
    const { selectionStart: start, selectionEnd: end } = focused;
    const segment = segmentAt(Number(focused.dataset.position)) ?? active;
    const words = trimmedSelection(focused.value, start, end);
    if (words && segment) return { segmentId: segment.id, position: segment.position, side: 'target', ...words };
  }
  const picked = window.getSelection();
  if (!picked || picked.isCollapsed || picked.rangeCount === 0) return null;
  const column = picked.anchorNode?.parentElement?.closest<HTMLElement>('[data-side]');
  const row = column?.closest<HTMLElement>('[data-testid="segment-row"]');
  if (!column || !row) return null;
  const range = picked.getRangeAt(0);
  const before = window.document.createRange();
  before.setStart(column, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const text = range.toString();
  const words = trimmedSelection(text, 0, text.length);
  const segment = segmentAt(Number(row.dataset.position));
  const side = column.dataset.side as Selection['side'];
  if (!segment || !words) return null;
  return { segmentId: segment.id, position: segment.position, side, start: start + words.start, end: start + words.end, quote: words.quote };
}

import type { Segment } from '../../../core/model/segment';
import type { Selection } from '../annotations/AnnotateDialog';

/**
 * The words the editor selected for an MQM annotation: in the focused correction field, or in a row's MT text
 * (a column marked with data-side; offsets count the characters of that column's text).
 */
export function pickedSelection(active: Segment | null, segmentAt: (position: number) => Segment | undefined): Selection | null {
  const focused = window.document.activeElement;
  if (focused instanceof HTMLTextAreaElement && focused.dataset.position) {
    const { selectionStart: start, selectionEnd: end } = focused;
    const segment = segmentAt(Number(focused.dataset.position)) ?? active;
    if (end > start && segment) {
      return { segmentId: segment.id, position: segment.position, side: 'target', start, end, quote: focused.value.slice(start, end) };
    }
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
  const quote = range.toString();
  const segment = segmentAt(Number(row.dataset.position));
  const side = column.dataset.side as Selection['side'];
  if (!segment || !quote) return null;
  return { segmentId: segment.id, position: segment.position, side, start, end: start + quote.length, quote };
}

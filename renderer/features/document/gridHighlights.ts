import { hasTag } from '../../../core/formats/types';
import type { Annotation } from '../../../core/model/annotation';
import type { FindColumn, FindMatch } from '../../../core/model/find';
import { MQM_LABELS, MQM_SEVERITIES } from '../../../core/mqm/categories';

/**
 * Marks drawn over the grid's text without changing it: find matches and MQM annotations, as CSS custom
 * highlights (`::highlight(name)` in styles.css) over DOM ranges of the rows in view. The text nodes stay as
 * React renders them, so the diff, the tag chips and the editor's backdrop keep their layout.
 */
export const FIND_HIGHLIGHT = 'find-match';
export const FIND_CURRENT_HIGHLIGHT = 'find-current';
export const mqmHighlight = (severity: Annotation['severity']) => `mqm-${severity}`;

/** An annotation where it is drawn: what a pointer over it shows. */
export interface DrawnAnnotation {
  range: Range;
  annotation: Annotation;
}

/** The column of a row a text offset counts in (source, MT, or the correction's backdrop). */
const columnOf = (row: Element, column: FindColumn) => row.querySelector<HTMLElement>(`[data-find-column="${column}"]`);

/**
 * The inline view's one cell holding the MT and the correction as a diff (the correction's editor, when open
 * there, is the `target` column itself).
 */
const inlineOf = (row: Element) => row.querySelector<HTMLElement>('[data-find-inline]');

/** What of the inline diff is not the text of a side: the MT reads past insertions, the correction past deletions. */
const NOT_IN_SIDE: Record<'mt' | 'target', string> = { mt: 'INS', target: 'DEL' };

/**
 * The DOM ranges of characters [start, end) of one side's text in the inline diff, one per run of a text
 * node (a match may run through a deletion and an equal part, but not over the insertion between them).
 * Empty when the cell holds fewer characters.
 */
export function inlineRangesOf(cell: HTMLElement, side: 'mt' | 'target', start: number, end: number): Range[] {
  const ranges: Range[] = [];
  let offset = 0;
  const visit = (node: Node): void => {
    if (offset >= end) return;
    if (node instanceof HTMLElement) {
      if (node.tagName === NOT_IN_SIDE[side]) return;
      if (node.classList.contains('tag')) {
        // A chip: one character of the text.
        if (offset >= start && offset < end) {
          const range = document.createRange();
          range.selectNode(node);
          ranges.push(range);
        }
        offset += 1;
        return;
      }
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const length = (node.textContent ?? '').replace(/\u200b$/u, '').length;
      const from = Math.max(start, offset);
      const to = Math.min(end, offset + length);
      if (from < to) {
        const range = document.createRange();
        range.setStart(node, from - offset);
        range.setEnd(node, to - offset);
        ranges.push(range);
      }
      offset += length;
      return;
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(cell);
  return offset >= end ? ranges : [];
}

/** Where a column's characters [start, end) are drawn in a row: its own cell, or its side of the inline diff. */
function rangesIn(row: Element, column: FindColumn, start: number, end: number): Range[] {
  const own = columnOf(row, column);
  if (own) {
    const range = rangeOf(own, start, end);
    return range ? [range] : [];
  }
  const inline = inlineOf(row);
  return inline && column !== 'source' ? inlineRangesOf(inline, column, start, end) : [];
}

/** Annotation sides, as the grid's columns name them. */
const COLUMN_OF_SIDE: Record<Annotation['side'], FindColumn> = { source: 'source', mt: 'mt', target: 'target' };

/**
 * The DOM range of characters [start, end) of a column's text. A tag chip (`.tag`) stands for one character
 * of the text whatever number it shows; the end-of-text filler of the backdrop (a zero-width space) is not
 * text. Null when the column holds fewer characters.
 */
export function rangeOf(column: HTMLElement, start: number, end: number): Range | null {
  const range = document.createRange();
  let offset = 0;
  let started = false;
  let done = false;
  const visit = (node: Node): void => {
    if (done) return;
    if (node instanceof HTMLElement && node.classList.contains('tag')) {
      // A chip: one character, its boundaries before and after the element.
      if (!started && start <= offset) {
        range.setStartBefore(node);
        started = true;
      }
      offset += 1;
      if (started && end <= offset) {
        range.setEndAfter(node);
        done = true;
      }
      return;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const length = (node.textContent ?? '').replace(/\u200b$/u, '').length;
      if (!started && start >= offset && start < offset + length) {
        range.setStart(node, start - offset);
        started = true;
      }
      if (started && end <= offset + length) {
        range.setEnd(node, end - offset);
        done = true;
      }
      offset += length;
      return;
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(column);
  return done ? range : null;
}

/** Whether the browser draws custom highlights (Chromium 105+, so Electron's does). */
export const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/**
 * Redraws the marks over the rows now in `grid`: the find's matches (the current one apart) and the
 * annotations whose words are still where they were tagged. Returns the annotations drawn, for hovering.
 */
export function drawHighlights(
  grid: HTMLElement,
  find: { byPosition: ReadonlyMap<number, readonly FindMatch[]>; current: FindMatch | null },
  annotations: ReadonlyMap<number, readonly Annotation[]>,
): DrawnAnnotation[] {
  const matches: Range[] = [];
  const current: Range[] = [];
  const bySeverity = new Map<string, Range[]>(MQM_SEVERITIES.map((s) => [s, []]));
  const drawn: DrawnAnnotation[] = [];
  for (const row of grid.querySelectorAll<HTMLElement>('[data-testid="segment-row"]')) {
    const position = Number(row.dataset.position);
    for (const match of find.byPosition.get(position) ?? []) {
      const isCurrent = find.current !== null && sameMatch(match, find.current);
      (isCurrent ? current : matches).push(...rangesIn(row, match.column, match.start, match.end));
    }
    for (const annotation of annotations.get(Number(row.dataset.segmentId)) ?? []) {
      const ranges = rangesIn(row, COLUMN_OF_SIDE[annotation.side], annotation.start, annotation.end);
      // Drawn only while the words are still the ones tagged (a later edit may have moved them).
      const words = ranges.map((range) => range.toString()).join('');
      if (ranges.length === 0 || (words !== annotation.quote && !hasTag(annotation.quote))) continue;
      bySeverity.get(annotation.severity)!.push(...ranges);
      for (const range of ranges) drawn.push({ range, annotation });
    }
  }
  if (supported()) {
    CSS.highlights.set(FIND_HIGHLIGHT, new Highlight(...matches));
    CSS.highlights.set(FIND_CURRENT_HIGHLIGHT, new Highlight(...current));
    for (const [severity, ranges] of bySeverity) CSS.highlights.set(mqmHighlight(severity as Annotation['severity']), new Highlight(...ranges));
  }
  return drawn;
}

/** Takes every mark off (the document screen closed). */
export function clearHighlights(): void {
  if (!supported()) return;
  CSS.highlights.delete(FIND_HIGHLIGHT);
  CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT);
  for (const severity of MQM_SEVERITIES) CSS.highlights.delete(mqmHighlight(severity));
}

export const sameMatch = (a: FindMatch, b: FindMatch) =>
  a.position === b.position && a.column === b.column && a.start === b.start && a.end === b.end;

/** The annotation under a point, if any (the last tagged wins where two overlap). */
export function annotationAt(drawn: readonly DrawnAnnotation[], x: number, y: number): Annotation | null {
  for (let i = drawn.length - 1; i >= 0; i--) {
    for (const rect of drawn[i]!.range.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return drawn[i]!.annotation;
    }
  }
  return null;
}

/** What hovering an annotation says: its category, severity and comment. */
export const annotationLabel = (a: Annotation) => `${MQM_LABELS[a.category]} · ${a.severity}${a.comment ? ` — ${a.comment}` : ''}`;

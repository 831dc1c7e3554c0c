import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore, type CSSProperties, type MouseEvent as ReactMouseEvent } from 'react';
import type { Flag } from '../../../core/checks/types';
import type { TerOptions } from '../../../core/metrics';
import type { Annotation } from '../../../core/model/annotation';
import type { FindMatch } from '../../../core/model/find';
import type { Segment } from '../../../core/model/segment';
import { annotationAt, annotationLabel, clearHighlights, drawHighlights, type DrawnAnnotation } from './gridHighlights';
import { ColumnHeader } from './ColumnHeader';
import { RowMenu, type RowCommands } from './RowActions';
import type { FlagPages } from '../checks/flagPages';
import type { SegmentPages } from './segmentPages';
import { SegmentRow } from './SegmentRow';
import type { TypedTexts } from './useTypedText';
import type { Density, DiffView, GridColumns } from './viewSettings';

interface SegmentGridProps {
  pages: SegmentPages;
  total: number;
  view: DiffView;
  terOptions: TerOptions;
  density: Density;
  columns: GridColumns;
  onColumns: (columns: GridColumns) => void;
  /** Whether the document has a source text (a source column to show). */
  hasSource: boolean;
  activeId: number | null;
  /** The position whose flags stay unlisted while it is the active row, until the editor acts (a document just opened). */
  flagsHeldAt: number | null;
  /** The sentences' texts as the editor sees them (each row hears its own typing). */
  texts: TypedTexts;
  onChange: (segment: Segment, text: string) => void;
  commands: RowCommands;
  onActivity: (segment: Segment, keystroke: boolean) => void;
  /** The stored flags of the rows in view, fetched as they come into view. */
  flags: FlagPages;
  onFix: (segment: Segment, flag: Flag) => void;
  onIgnore: (segment: Segment, flag: Flag, words: string) => void;
  onAddWord: (word: string) => void;
  onShowIgnored: (segment: Segment) => void;
  /** Moves with every answer of the document's checks (an ignore, Show again): the active row asks its ignores again. */
  flagsVersion: number;
  onLeave: (segment: Segment) => void;
  onNote: (segment: Segment, note: string) => void;
  onNoteTyped: (segment: Segment, note: string) => void;
  noteOpenFor: number | null;
  /** Positions to show, in order (a filter), or null for every sentence. */
  positions: readonly number[] | null;
  /**
   * A position to bring into view (e.g. the next flagged sentence), with a counter so the same one can recur;
   * `focus` puts the caret in its correction once the row is rendered.
   */
  reveal: { position: number; nonce: number; focus?: boolean } | null;
  /** Find matches by position, and the current one: highlighted in place. */
  findMatches: ReadonlyMap<number, readonly FindMatch[]>;
  currentMatch: FindMatch | null;
  /** MQM annotations by sentence id: drawn where they are, their category shown on hover. */
  annotations: ReadonlyMap<number, readonly Annotation[]>;
}


/** Only the rows in view (and a few around them) exist; their pages are fetched as they come into view. */
export function SegmentGrid(props: SegmentGridProps) {
  const { pages, total, view, terOptions, texts, onChange, onActivity, positions, reveal, columns, density } = props;
  const showSource = props.hasSource && columns.showSource && view === 'side-by-side';
  const showMt = columns.showMt || view === 'inline';
  const [menu, setMenu] = useState<{ segment: Segment; at: { x: number; y: number } } | null>(null);
  const count = positions ? positions.length : total;
  const positionAt = (index: number) => (positions ? positions[index]! : index + 1);
  useSyncExternalStore(pages.subscribe, pages.getVersion);
  const { flags } = props;
  useSyncExternalStore(flags.subscribe, flags.getVersion);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Rows are keyed by sentence, not by slot: when a filter drops a row, the rows after it move up with their own
  // text boxes (and measured heights), and the focused box never turns into another sentence's.
  const getItemKey = useCallback((index: number) => (positions ? positions[index]! : index + 1), [positions]);
  // The sticky column header sits above the rows in the same scrolling box: the rows start below it, and a row
  // scrolled to must clear it (at the top) and show its last line (at the bottom).
  const headerRef = useRef<HTMLDivElement>(null);
  const [headerHeight, setHeaderHeight] = useState(0);
  useLayoutEffect(() => {
    const header = headerRef.current;
    if (!header) return;
    const measure = () => setHeaderHeight(header.offsetHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  const virtualizer = useVirtualizer({
    count,
    getItemKey,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (density === 'compact' ? 32 : 40),
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  // The rows in view and their flags, only: under a filter those rows may lie far apart.
  const shownPositions = items.map((item) => positionAt(item.index)).join(',');
  useEffect(() => {
    const shown = shownPositions === '' ? [] : shownPositions.split(',').map(Number);
    pages.ensure(shown.map((position) => position - 1));
    flags.ensure(shown);
  }, [pages, flags, shownPositions]);

  // The row to focus once it exists: checked after each render (the virtualizer renders it after scrolling).
  const pendingFocus = useRef<number | null>(null);
  const focusPending = () => {
    if (pendingFocus.current === null) return;
    // In the inline view a row is its diff until focused, which turns it into the editor.
    const position = pendingFocus.current;
    const field = scrollRef.current?.querySelector<HTMLElement>(
      `textarea[data-position="${position}"], [data-testid="segment-row"][data-position="${position}"] .inline-diff`,
    );
    if (field) {
      pendingFocus.current = null;
      field.focus({ preventScroll: true });
    }
  };
  useEffect(focusPending);

  // A row far away is scrolled to on estimated heights; once rows there are measured the scroll may fall
  // short, so it is repeated (a few times at most) until the row is in view — unless the editor scrolls first:
  // the grid must never pull them back to a row they have moved away from.
  const pendingScroll = useRef<{ position: number; index: number; tries: number } | null>(null);
  const cancelPendingScroll = () => {
    pendingScroll.current = null;
  };
  useEffect(() => {
    const pending = pendingScroll.current;
    const grid = scrollRef.current;
    if (!pending || !grid) return;
    const row = grid.querySelector(`[data-testid="segment-row"][data-position="${pending.position}"]`);
    const box = grid.getBoundingClientRect();
    const at = row?.getBoundingClientRect();
    // In view means clear of the sticky column header too.
    if ((at && at.top >= box.top + headerHeight && at.bottom <= box.bottom) || pending.tries >= 8) {
      pendingScroll.current = null;
      return;
    }
    pending.tries++;
    const frame = requestAnimationFrame(() => virtualizer.scrollToIndex(pending.index, { align: 'auto' }));
    return () => cancelAnimationFrame(frame);
  });

  useEffect(() => {
    if (!reveal) return;
    const index = positions ? positions.indexOf(reveal.position) : reveal.position - 1;
    // A row the filter hides is not drawn: no focus waits for it (it would be taken whenever the row next shows).
    pendingFocus.current = reveal.focus && index >= 0 ? reveal.position : null;
    if (index >= 0) {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      pendingScroll.current = { position: reveal.position, index, tries: 0 };
    }
    focusPending();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new reveal request scrolls
  }, [reveal]);

  // The marks over the text (find matches, annotations) are redrawn after every render of the rows in view.
  const drawn = useRef<DrawnAnnotation[]>([]);
  useEffect(() => {
    if (scrollRef.current) drawn.current = drawHighlights(scrollRef.current, { byPosition: props.findMatches, current: props.currentMatch }, props.annotations);
  });
  useEffect(() => clearHighlights, []);
  const [hovered, setHovered] = useState<{ annotation: Annotation; x: number; y: number } | null>(null);
  const onPointer = (event: ReactMouseEvent) => {
    const annotation = annotationAt(drawn.current, event.clientX, event.clientY);
    if (annotation?.id === hovered?.annotation.id) return;
    setHovered(annotation && { annotation, x: event.clientX, y: event.clientY });
  };

  const openMenu = useCallback((segment: Segment, at: { x: number; y: number }) => setMenu({ segment, at }), []);
  const closeMenu = useCallback(() => setMenu(null), []);

  return (
    <div
      className={`grid-scroll grid-${density} grid-${view}`}
      ref={scrollRef}
      data-testid="segment-grid"
      data-density={density}
      style={{ '--grid-columns': gridTemplate(view, showSource, showMt, columns), '--gutter-width': gutterWidth(total) } as CSSProperties}
      onMouseMove={onPointer}
      onMouseLeave={() => setHovered(null)}
      onWheel={cancelPendingScroll}
      onTouchMove={cancelPendingScroll}
      onPointerDown={cancelPendingScroll}
      onKeyDown={cancelPendingScroll}
    >
      <ColumnHeader ref={headerRef} view={view} showSource={showSource} showMt={showMt} columns={columns} onColumns={props.onColumns} />
      <div className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const position = positionAt(item.index);
          const segment = pages.at(position - 1);
          const previous = position > 1 ? pages.at(position - 2) : undefined;
          return (
            <div
              key={item.key}
              data-index={item.index}
              // A row still loading is not measured: its placeholder's height would be taken for the row's, and
              // the real row, measured again while the editor scrolls up, would push the rows in view down.
              ref={segment ? virtualizer.measureElement : undefined}
              className="grid-item"
              style={{ transform: `translateY(${item.start - headerHeight}px)` }}
            >
              {segment ? (
                <SegmentRow
                  segment={segment}
                  texts={texts}
                  firstInParagraph={position === 1 || (previous !== undefined && previous.paragraph !== segment.paragraph)}
                  view={view}
                  terOptions={terOptions}
                  showSource={showSource}
                  showMt={showMt}
                  active={props.activeId === segment.id}
                  listFlags={props.activeId === segment.id && props.flagsHeldAt !== position}
                  onChange={onChange}
                  onActivity={onActivity}
                  commands={props.commands}
                  onMenu={openMenu}
                  flags={flags.at(position)}
                  onFix={props.onFix}
                  onIgnore={props.onIgnore}
                  onAddWord={props.onAddWord}
                  onShowIgnored={props.onShowIgnored}
                  ignoresAsked={props.activeId === segment.id ? props.flagsVersion : 0}
                  onLeave={props.onLeave}
                  onNote={props.onNote}
                  onNoteTyped={props.onNoteTyped}
                  noteOpen={props.noteOpenFor === segment.id}
                />
              ) : (
                <div className="row row-loading" aria-busy="true">
                  <div className="row-gutter">{position}</div>
                  {showSource && <div className="skeleton" />}
                  {showMt && <div className="skeleton" />}
                  {view === 'side-by-side' && <div className="skeleton" />}
                  <div />
                </div>
              )}
            </div>
          );
        })}
      </div>
      {hovered && (
        <div className="annotation-tooltip" role="tooltip" data-testid="annotation-tooltip" style={{ left: hovered.x + 12, top: hovered.y + 16 }}>
          {annotationLabel(hovered.annotation)}
        </div>
      )}
      {menu && (
        <RowMenu
          segment={menu.segment}
          at={menu.at}
          edited={texts.textOf(menu.segment) !== menu.segment.mtText}
          commands={props.commands}
          onClose={closeMenu}
        />
      )}
    </div>
  );
}

/**
 * The gutter holds the sentence number, its status and a flag mark: as wide as the document's largest number
 * needs (12 px tabular digits are about 7 px), so "3000" or "11990" is never cut to "000" or "1990".
 */
export function gutterWidth(sentences: number): string {
  const digits = Math.max(2, String(Math.max(1, sentences)).length);
  return `${digits * 7 + 34}px`;
}

/** The grid's columns: gutter, the text columns shown (in their remembered proportions), the metrics gutter. */
function gridTemplate(view: DiffView, showSource: boolean, showMt: boolean, columns: GridColumns): string {
  const text =
    view === 'inline'
      ? ['minmax(0, 1fr)']
      : [
          ...(showSource ? [`minmax(0, ${columns.widths.source}fr)`] : []),
          ...(showMt ? [`minmax(0, ${columns.widths.mt}fr)`] : []),
          `minmax(0, ${columns.widths.correction}fr)`,
        ];
  return ['var(--gutter-width)', ...text, 'var(--meta-width)'].join(' ');
}

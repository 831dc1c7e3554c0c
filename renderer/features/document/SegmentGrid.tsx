import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Flag } from '../../../core/checks/types';
import type { TerOptions } from '../../../core/metrics';
import type { Segment, SegmentStatus } from '../../../core/model/segment';
import type { SegmentPages } from './segmentPages';
import { SegmentRow } from './SegmentRow';
import type { DiffView } from './viewSettings';

interface SegmentGridProps {
  pages: SegmentPages;
  total: number;
  view: DiffView;
  terOptions: TerOptions;
  textOf: (segment: Segment) => string;
  onChange: (segment: Segment, text: string) => void;
  onRevert: (segment: Segment) => void;
  onActivity: (segment: Segment, keystroke: boolean) => void;
  flagsAt: (position: number) => readonly Flag[] | undefined;
  onFix: (segment: Segment, flag: Flag) => void;
  onIgnore: (segment: Segment, flag: Flag) => void;
  onLeave: (segment: Segment) => void;
  onStatus: (segment: Segment, status: SegmentStatus) => void;
  onNote: (segment: Segment, note: string) => void;
  noteOpenFor: number | null;
  onToggleNote: (segment: Segment) => void;
  /** Positions to show, in order (a filter), or null for every sentence. */
  positions: readonly number[] | null;
  /** A position to bring into view (e.g. the next flagged sentence), with a counter so the same one can recur. */
  reveal: { position: number; nonce: number } | null;
}

const NO_FLAGS: readonly Flag[] = [];

/** Only the rows in view (and a few around them) exist; their pages are fetched as they come into view. */
export function SegmentGrid(props: SegmentGridProps) {
  const { pages, total, view, terOptions, textOf, onChange, onRevert, onActivity, positions, reveal } = props;
  const count = positions ? positions.length : total;
  const positionAt = (index: number) => (positions ? positions[index]! : index + 1);
  useSyncExternalStore(pages.subscribe, pages.getVersion);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 76,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  const firstPosition = count > 0 ? positionAt(first) : 0;
  const lastPosition = count > 0 ? positionAt(last) : 0;
  useEffect(() => {
    if (count > 0) pages.ensure(firstPosition - 1, lastPosition - 1);
  }, [pages, count, firstPosition, lastPosition]);

  useEffect(() => {
    if (!reveal) return;
    const index = positions ? positions.indexOf(reveal.position) : reveal.position - 1;
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new reveal request scrolls
  }, [reveal]);

  return (
    <div className="grid-scroll" ref={scrollRef} data-testid="segment-grid">
      <div className={`grid-header grid-header-${view}`} role="presentation">
        <span />
        {view === 'side-by-side' ? (
          <>
            <span>Machine translation</span>
            <span>Correction</span>
          </>
        ) : (
          <span>Changes to the machine translation</span>
        )}
        <span>HTER · chars</span>
      </div>
      <div className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const position = positionAt(item.index);
          const segment = pages.at(position - 1);
          const previous = position > 1 ? pages.at(position - 2) : undefined;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="grid-item"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {segment ? (
                <SegmentRow
                  segment={segment}
                  text={textOf(segment)}
                  firstInParagraph={position === 1 || (previous !== undefined && previous.paragraph !== segment.paragraph)}
                  view={view}
                  terOptions={terOptions}
                  onChange={onChange}
                  onRevert={onRevert}
                  onActivity={onActivity}
                  flags={props.flagsAt(position) ?? NO_FLAGS}
                  onFix={props.onFix}
                  onIgnore={props.onIgnore}
                  onLeave={props.onLeave}
                  onStatus={props.onStatus}
                  onNote={props.onNote}
                  noteOpen={props.noteOpenFor === segment.id}
                  onToggleNote={props.onToggleNote}
                />
              ) : (
                <div className={`row row-${view} row-loading`} aria-busy="true">
                  <div className="row-gutter">{position}</div>
                  <div className="skeleton" />
                  {view === 'side-by-side' && <div className="skeleton" />}
                  <div />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

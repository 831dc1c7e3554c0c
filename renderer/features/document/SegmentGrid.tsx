import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { TerOptions } from '../../../core/metrics';
import type { Segment } from '../../../core/model/segment';
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
}

/** Only the rows in view (and a few around them) exist; their pages are fetched as they come into view. */
export function SegmentGrid(props: SegmentGridProps) {
  const { pages, total, view, terOptions, textOf, onChange, onRevert, onActivity } = props;
  useSyncExternalStore(pages.subscribe, pages.getVersion);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 76,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) pages.ensure(first, last);
  }, [pages, total, first, last]);

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
          const segment = pages.at(item.index);
          const previous = item.index > 0 ? pages.at(item.index - 1) : undefined;
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
                  firstInParagraph={item.index === 0 || (previous !== undefined && previous.paragraph !== segment.paragraph)}
                  view={view}
                  terOptions={terOptions}
                  onChange={onChange}
                  onRevert={onRevert}
                  onActivity={onActivity}
                />
              ) : (
                <div className={`row row-${view} row-loading`} aria-busy="true">
                  <div className="row-gutter">{item.index + 1}</div>
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

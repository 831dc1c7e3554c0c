import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import {
  beadKind,
  canSplit,
  defaultCut,
  isOneToOne,
  mergeWithNext,
  splitBead,
  type BeadCounts,
} from '../../../core/align/beads';
import type { ResponseOf } from '../../../core/ipc';

export type Alignment = ResponseOf<'documents.alignPicked'>;

interface AlignmentReviewProps {
  alignment: Alignment;
  counts: BeadCounts;
  onChange: (counts: BeadCounts) => void;
}

interface Splitting {
  index: number;
  cut: readonly [number, number];
}

/** Where each row's sentences start on either side. */
function rowStarts(counts: BeadCounts): Array<readonly [number, number]> {
  const starts: Array<readonly [number, number]> = [];
  let s = 0;
  let t = 0;
  for (const [a, b] of counts) {
    starts.push([s, t]);
    s += a;
    t += b;
  }
  return starts;
}

/**
 * The source and MT sentences side by side as Gale–Church aligned them, a row per aligned pair. The editor
 * fixes a wrong pairing by merging a row with the next and splitting a row where its sentences part.
 */
export function AlignmentReview({ alignment, counts, onChange }: AlignmentReviewProps) {
  const [history, setHistory] = useState<BeadCounts[]>([]);
  const [splitting, setSplitting] = useState<Splitting | null>(null);
  const [current, setCurrent] = useState(-1);
  const starts = useMemo(() => rowStarts(counts), [counts]);
  const toCheck = useMemo(() => counts.flatMap((c, i) => (isOneToOne(c) ? [] : [i])), [counts]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: counts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 56,
    overscan: 8,
    // Keyed by where a row starts, so measured heights stay with their rows when a merge or split shifts them.
    getItemKey: (index) => `${starts[index]?.[0]}:${starts[index]?.[1]}`,
  });

  const change = (next: BeadCounts) => {
    setHistory([...history, counts]);
    setSplitting(null);
    onChange(next);
  };
  const undo = () => {
    const previous = history[history.length - 1];
    if (!previous) return;
    setHistory(history.slice(0, -1));
    setSplitting(null);
    onChange(previous);
  };
  const goToNextToCheck = () => {
    const next = toCheck.find((i) => i > current) ?? toCheck[0];
    if (next === undefined) return;
    setCurrent(next);
    virtualizer.scrollToIndex(next, { align: 'center' });
  };

  const sentences = (side: 'source' | 'target', index: number) => {
    const [s, t] = starts[index]!;
    const [a, b] = counts[index]!;
    const from = side === 'source' ? s : t;
    const list = side === 'source' ? alignment.source : alignment.target;
    return list.slice(from, from + (side === 'source' ? a : b)).map((text, i) => ({ text, at: from + i }));
  };

  const cell = (side: 'source' | 'target', index: number) => {
    const items = sentences(side, index);
    const split = splitting?.index === index ? splitting : null;
    const sideCut = split ? split.cut[side === 'source' ? 0 : 1] : -1;
    const cutButton = (position: number) =>
      split && (
        <button
          type="button"
          className={`align-cut${sideCut === position ? ' align-cut-chosen' : ''}`}
          aria-label={`Cut the ${side === 'source' ? 'source' : 'MT'} after ${position} sentence${position === 1 ? '' : 's'}`}
          aria-pressed={sideCut === position}
          onClick={() => setSplitting({ index, cut: side === 'source' ? [position, split.cut[1]] : [split.cut[0], position] })}
        />
      );
    return (
      <div className="align-cell" data-side={side} role="cell">
        {cutButton(0)}
        {items.length === 0 && !split && <span className="muted">— nothing aligned —</span>}
        {items.map(({ text, at }, i) => (
          <span key={at} className="align-sentence-wrap">
            <span className="align-sentence">
              {side === 'target' && at > 0 && alignment.paragraphs[at] !== alignment.paragraphs[at - 1] && (
                <span className="align-paragraph" title="A new paragraph starts here">
                  ¶{' '}
                </span>
              )}
              {text}
            </span>
            {cutButton(i + 1)}
          </span>
        ))}
      </div>
    );
  };

  const splitValid = (s: Splitting) => {
    const [a, b] = counts[s.index]!;
    const [x, y] = s.cut;
    return x + y > 0 && a - x + (b - y) > 0;
  };

  return (
    <div className="align-review">
      <div className="align-toolbar">
        <span>
          {alignment.source.length} source and {alignment.target.length} MT sentences in {counts.length} rows
          {toCheck.length > 0 ? ` · ${toCheck.length} not one-to-one` : ' · all one-to-one'}
        </span>
        <button type="button" disabled={toCheck.length === 0} onClick={goToNextToCheck}>
          Next row to check
        </button>
        <button type="button" disabled={history.length === 0} onClick={undo}>
          Undo
        </button>
        <button
          type="button"
          className="button-quiet"
          disabled={counts === alignment.counts}
          onClick={() => change(alignment.counts)}
        >
          Reset to automatic
        </button>
      </div>
      <div className="align-header" aria-hidden="true">
        <span>#</span>
        <span>Source</span>
        <span>MT</span>
        <span />
      </div>
      <div className="align-list" ref={scrollRef} role="table" aria-label="Alignment">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const index = item.index;
            const count = counts[index]!;
            const split = splitting?.index === index ? splitting : null;
            return (
              <div
                key={item.key}
                data-index={index}
                ref={virtualizer.measureElement}
                role="row"
                aria-label={`Row ${index + 1}, ${beadKind(count)}`}
                className={`align-row${isOneToOne(count) ? '' : ' align-row-check'}${current === index ? ' align-row-current' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
              >
                <span className="align-number" role="cell">
                  {index + 1}
                  <span className="align-kind">{beadKind(count)}</span>
                </span>
                {cell('source', index)}
                {cell('target', index)}
                <span className="align-actions" role="cell">
                  {split ? (
                    <>
                      <button type="button" className="button-primary" disabled={!splitValid(split)} onClick={() => change(splitBead(counts, index, split.cut[0], split.cut[1]))}>
                        Split here
                      </button>
                      <button type="button" className="button-quiet" onClick={() => setSplitting(null)}>
                        Cancel
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        disabled={index === counts.length - 1}
                        aria-label={`Merge row ${index + 1} with the next`}
                        title="Merge with the next row"
                        onClick={() => change(mergeWithNext(counts, index))}
                      >
                        Merge ↓
                      </button>
                      <button
                        type="button"
                        disabled={!canSplit(count)}
                        aria-label={`Split row ${index + 1}`}
                        title="Split this row in two"
                        onClick={() => {
                          setCurrent(index);
                          setSplitting({ index, cut: defaultCut(count) });
                        }}
                      >
                        Split…
                      </button>
                    </>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
      {splitting && <p className="muted align-hint">Choose where each side parts: click the line between two sentences, then “Split here”.</p>}
    </div>
  );
}

import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useReducer, useRef } from 'react';
import { wordDiff } from '../../../core/diff';
import { DiffText } from '../../components/DiffText';
import { LockIcon } from '../../components/LockIcon';
import { Modal } from '../../components/Modal';
import { LOCK_WORDS, type LockReason } from '../../../core/model/segment';
import { lockedWords, PreviewChoice } from './previewChoice';

export interface PreviewedChange {
  segmentId: number;
  position: number;
  before: string;
  after: string;
  /** Why the sentence is locked (the file locks it, or it is too long to edit here): shown, not chosen, left alone. */
  locked?: LockReason;
}

interface ChangePreviewDialogProps {
  title: string;
  changes: readonly PreviewedChange[];
  /** Applies the chosen changes (as one batch). */
  onApply: (segmentIds: number[]) => void;
  onClose: () => void;
  busy?: boolean;
  /** A doubt about the changes (a word not in the dictionary they would spread): said above them, and the keyboard starts on Cancel, not Apply. */
  warning?: string;
  /** How many of the changes are to sentences the row filter hides: said, as applying changes them too. */
  hidden?: number;
}

/**
 * A row's height before it is measured: lines guessed from its length (about 100 characters a line in the dialog).
 * The line height is fixed in styles.css (.preview-row), so a one-line row is exactly its estimate: a row that
 * measures other than estimated makes the virtualizer lay out every row after it again, 60,000 of them.
 */
const LINE_PX = 23;
const ROW_GAP_PX = 6;
const CHARS_PER_LINE = 100;
const estimateRow = (change: PreviewedChange) =>
  ROW_GAP_PX + LINE_PX * Math.max(1, Math.ceil((Math.max(change.before.length, change.after.length) * 1.15) / CHARS_PER_LINE));

interface ChangeRowProps {
  change: PreviewedChange;
  checked: boolean;
  onToggle: (segmentId: number) => void;
}

/** One change: its diff is computed when the row is drawn (rows exist only in view), not for the whole list. */
const ChangeRow = memo(function ChangeRow({ change, checked, onToggle }: ChangeRowProps) {
  const ops = useMemo(() => wordDiff(change.before, change.after), [change]);
  return (
    <label>
      <input
        type="checkbox"
        checked={checked}
        disabled={change.locked !== undefined}
        onChange={() => onToggle(change.segmentId)}
        aria-label={`Apply to sentence ${change.position}`}
      />
      <span className="preview-position">{change.position}</span>
      <span className="preview-diff">
        <DiffText ops={ops} side="inline" />
        {change.locked && (
          <span className="preview-locked" data-testid="preview-locked">
            {' '}
            <LockIcon label="Read-only:" /> {LOCK_WORDS[change.locked]}, left as it is
          </span>
        )}
      </span>
    </label>
  );
});

/**
 * Every change a bulk action would make, as a diff, each one chosen or not; then applied as one batch. A replace
 * all in a book previews tens of thousands of sentences, so only the rows in view are drawn (and diffed).
 */
export function ChangePreviewDialog({ title, changes, onApply, onClose, busy, warning, hidden = 0 }: ChangePreviewDialogProps) {
  // The choice belongs to this list of changes: a new list starts a new one (everything open chosen).
  const choiceFor = useRef<{ changes: readonly PreviewedChange[]; choice: PreviewChoice } | null>(null);
  if (choiceFor.current?.changes !== changes) choiceFor.current = { changes, choice: new PreviewChoice(changes) };
  const { choice } = choiceFor.current;
  // The choice is changed in place (no copy of 60,000 ids a click); a counter tells React to draw again.
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const toggle = useCallback(
    (segmentId: number) => {
      choice.toggle(segmentId);
      redraw();
    },
    [choice],
  );
  const chooseAll = () => {
    choice.chooseAll();
    redraw();
  };
  const chooseNone = () => {
    choice.chooseNone();
    redraw();
  };
  const count = choice.count;
  const locked = changes.length - choice.open;

  const scrollRef = useRef<HTMLDivElement>(null);
  // The row holding focus stays drawn when it is scrolled out of view, so focus (and Escape) is not lost with it.
  const focused = useRef<number | null>(null);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const keep = focused.current;
    if (keep === null || keep >= range.count || indexes.includes(keep)) return indexes;
    return [...indexes, keep].sort((a, b) => a - b);
  }, []);
  // Computed once: the virtualizer asks for the estimates of every row after one whose measure changed.
  const estimates = useMemo(() => Float64Array.from(changes, estimateRow), [changes]);
  const estimateSize = useCallback((index: number) => estimates[index]!, [estimates]);
  // Stable: a new key function makes the virtualizer lay out all the rows again, on every render (every toggle).
  const getItemKey = useCallback((index: number) => changes[index]!.segmentId, [changes]);
  const virtualizer = useVirtualizer({
    count: changes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    overscan: 8,
    rangeExtractor,
  });

  return (
    <Modal
      title={title}
      onClose={onClose}
      bodyRef={scrollRef}
      notice={
        (warning || hidden > 0) && (
          <>
            {warning && (
              <p className="modal-notice propagation-warning" data-testid="preview-warning">
                {warning}
              </p>
            )}
            {hidden > 0 && (
              <p className="modal-notice" data-testid="preview-hidden">
                {hidden === changes.length
                  ? `${hidden === 1 ? 'This sentence is' : `All ${hidden} sentences are`} hidden by the filter: applying changes ${hidden === 1 ? 'it' : 'them'} all the same.`
                  : `${hidden} of these ${changes.length} sentences ${hidden === 1 ? 'is' : 'are'} hidden by the filter: applying changes them all the same.`}
              </p>
            )}
          </>
        )
      }
      footer={
        <>
          <span className="muted" data-testid="preview-count">
            {count} of {choice.open} chosen
            {locked > 0 ? `; ${lockedWords(choice.locked)}, skipped` : ''}
          </span>
          <button type="button" className="button-quiet" disabled={choice.all} onClick={chooseAll}>
            Choose all
          </button>
          <button type="button" className="button-quiet" disabled={count === 0} onClick={chooseNone}>
            Choose none
          </button>
          <button type="button" onClick={onClose} autoFocus={warning !== undefined}>
            Cancel
          </button>
          <button
            type="button"
            className="button-primary"
            autoFocus={warning === undefined}
            disabled={count === 0 || busy}
            onClick={() => onApply(choice.chosen(changes).map((c) => c.segmentId))}
          >
            Apply {choice.all ? 'all' : count} as one step
          </button>
        </>
      }
    >
      <ul
        className="preview-list"
        style={{ height: virtualizer.getTotalSize() }}
        onFocus={(event) => {
          const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
          focused.current = row ? Number(row.dataset.index) : null;
        }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focused.current = null;
        }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const change = changes[item.index]!;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="preview-row"
              data-testid="preview-row"
              data-position={change.position}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ChangeRow change={change} checked={choice.isChosen(change.segmentId)} onToggle={toggle} />
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}

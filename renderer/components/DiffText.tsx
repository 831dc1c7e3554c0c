import { memo, type ReactNode } from 'react';
import type { DiffOp } from '../../core/diff';
import { TaggedText } from './TaggedText';

/** Words of the correction a flag is about, underlined in the editor's backdrop: misspellings wavy, the rest dotted. */
export interface FlagMark {
  start: number;
  end: number;
  kind: 'spelling' | 'other';
}

interface DiffTextProps {
  ops: readonly DiffOp[];
  /**
   * Which view to draw: the MT with what was deleted, the correction with what was inserted, or both inline
   * (deletions struck through, insertions underlined).
   */
  side: 'mt' | 'correction' | 'inline';
  /** On the correction side, the flagged words to underline (offsets in the correction), in order. */
  marks?: readonly FlagMark[];
}

const isBlank = (text: string) => /^\s+$/u.test(text);

/**
 * A stretch of the correction, [from, from + text.length), with the marks over it as spans of their own: spans of
 * the backdrop, so the browser paints only the row whose marks change (a custom highlight made it place every
 * highlight's marks again at any change of the page, and paint every marked row at each key).
 */
function Marked({ text, from, marks, mode }: { text: string; from: number; marks: readonly FlagMark[]; mode: 'chip' | 'backdrop' }) {
  const to = from + text.length;
  const over = marks.filter((mark) => mark.start < to && mark.end > from);
  if (over.length === 0) return <TaggedText text={text} mode={mode} />;
  const parts: ReactNode[] = [];
  let at = from;
  for (const mark of over) {
    const start = Math.max(mark.start, at);
    const end = Math.min(mark.end, to);
    if (start > at) parts.push(<TaggedText key={`t${at}`} text={text.slice(at - from, start - from)} mode={mode} />);
    if (end > start) {
      parts.push(
        <span key={`m${start}`} className={`flag-mark flag-mark-${mark.kind}`}>
          <TaggedText text={text.slice(start - from, end - from)} mode={mode} />
        </span>,
      );
    }
    at = Math.max(at, end);
  }
  if (at < to) parts.push(<TaggedText key={`t${at}`} text={text.slice(at - from)} mode={mode} />);
  return <>{parts}</>;
}

const NO_MARKS: readonly FlagMark[] = [];

/** One side of a word diff, or both inline. A changed space is drawn as a marked gap, never as nothing. */
export const DiffText = memo(function DiffText({ ops, side, marks = NO_MARKS }: DiffTextProps) {
  const mode = side === 'correction' ? 'backdrop' : 'chip';
  const text = (op: DiffOp) => (side === 'correction' ? <Marked text={op.text} from={op.bStart} marks={marks} mode={mode} /> : <TaggedText text={op.text} mode={mode} />);
  return (
    <>
      {ops.map((op, i) => {
        if (op.kind === 'equal') return <span key={i}>{text(op)}</span>;
        if (op.kind === 'insert' && side === 'mt') return null;
        if (op.kind === 'delete' && side === 'correction') return null;
        const className = isBlank(op.text) ? 'diff-space' : undefined;
        return op.kind === 'delete' ? (
          <del key={i} className={className}>
            {text(op)}
          </del>
        ) : (
          <ins key={i} className={className}>
            {text(op)}
          </ins>
        );
      })}
    </>
  );
});

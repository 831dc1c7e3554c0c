import { memo } from 'react';
import type { DiffOp } from '../../core/diff';
import { TaggedText } from './TaggedText';

interface DiffTextProps {
  ops: readonly DiffOp[];
  /**
   * Which view to draw: the MT with what was deleted, the correction with what was inserted, or both inline
   * (deletions struck through, insertions underlined).
   */
  side: 'mt' | 'correction' | 'inline';
}

const isBlank = (text: string) => /^\s+$/u.test(text);

/** One side of a word diff, or both inline. A changed space is drawn as a marked gap, never as nothing. */
export const DiffText = memo(function DiffText({ ops, side }: DiffTextProps) {
  const mode = side === 'correction' ? 'backdrop' : 'chip';
  return (
    <>
      {ops.map((op, i) => {
        if (op.kind === 'equal') {
          return (
            <span key={i}>
              <TaggedText text={op.text} mode={mode} />
            </span>
          );
        }
        if (op.kind === 'insert' && side === 'mt') return null;
        if (op.kind === 'delete' && side === 'correction') return null;
        const className = isBlank(op.text) ? 'diff-space' : undefined;
        return op.kind === 'delete' ? (
          <del key={i} className={className}>
            <TaggedText text={op.text} mode={mode} />
          </del>
        ) : (
          <ins key={i} className={className}>
            <TaggedText text={op.text} mode={mode} />
          </ins>
        );
      })}
    </>
  );
});

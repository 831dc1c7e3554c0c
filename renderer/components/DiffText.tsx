import type { DiffOp } from '../../core/diff';

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
export function DiffText({ ops, side }: DiffTextProps) {
  return (
    <>
      {ops.map((op, i) => {
        if (op.kind === 'equal') return <span key={i}>{op.text}</span>;
        if (op.kind === 'insert' && side === 'mt') return null;
        if (op.kind === 'delete' && side === 'correction') return null;
        const className = isBlank(op.text) ? 'diff-space' : undefined;
        return op.kind === 'delete' ? (
          <del key={i} className={className}>
            {op.text}
          </del>
        ) : (
          <ins key={i} className={className}>
            {op.text}
          </ins>
        );
      })}
    </>
  );
}

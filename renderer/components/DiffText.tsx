import type { DiffOp } from '../../core/diff';

interface DiffTextProps {
  ops: readonly DiffOp[];
  /** Which side to draw: the MT shows what was deleted, the correction what was inserted. */
  side: 'mt' | 'correction';
}

const isBlank = (text: string) => /^\s+$/u.test(text);

/** One side of a word diff. A changed space is drawn as a marked gap so it never looks like nothing. */
export function DiffText({ ops, side }: DiffTextProps) {
  const changed = side === 'mt' ? 'delete' : 'insert';
  const hidden = side === 'mt' ? 'insert' : 'delete';
  return (
    <>
      {ops.map((op, i) => {
        if (op.kind === hidden) return null;
        if (op.kind !== changed) return <span key={i}>{op.text}</span>;
        const className = isBlank(op.text) ? 'diff-space' : undefined;
        return side === 'mt' ? (
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

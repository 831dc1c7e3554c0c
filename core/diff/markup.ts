import type { DiffOp } from './diffOp';

/** The diff as one string with `<del>`/`<ins>` marks: what golden tests and the CLI print. */
export function toMarkup(ops: readonly DiffOp[]): string {
  return ops
    .map((op) => (op.kind === 'equal' ? op.text : op.kind === 'delete' ? `<del>${op.text}</del>` : `<ins>${op.text}</ins>`))
    .join('');
}

export type { DiffKind, DiffOp } from './diffOp';
export { tokenize } from './tokenize';
export { wordDiff } from './wordDiff';
export { toMarkup } from './markup';

export {
  compileReplace,
  countMatches,
  planReplace,
  type FindOptions,
  type FindReplaceOptions,
  type MatchRange,
  type Replacer,
  type ReplaceTally,
} from './findReplace';
export { patchMatches, patchPositions, rowMatches, rowPasses, type FindRow } from './findPatch';

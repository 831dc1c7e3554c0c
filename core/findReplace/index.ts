export {
  compileReplace,
  countMatches,
  planReplace,
  type FindOptions,
  type FindReplaceOptions,
  type MatchRange,
  type Replacer,
} from './findReplace';

export { applyRule, rulePattern, type ReplacementRule } from './applyRule';
export { mineRules } from './mineRules';
export { isShortCommonWord } from './commonWord';

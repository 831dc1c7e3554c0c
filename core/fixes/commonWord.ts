import type { ReplacementRule } from './applyRule';

/**
 * A rule whose find is one short word (`in` → `on`, `In` → `At`, `the` → `a`): in most languages such words are
 * the prepositions and articles whose right form depends on the sentence around them, so the fix of one sentence
 * is no fix for the others that have the word. Offered, such a rule is reviewed first, never spread by one key.
 */
export const isShortCommonWord = (rule: Pick<ReplacementRule, 'find'>): boolean => /^\p{L}{1,3}$/u.test(rule.find);

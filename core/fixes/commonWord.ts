import type { ReplacementRule } from './applyRule';

/** Scripts written without spaces, whose words (as the diff cuts them) are mostly one to three characters. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * A rule whose find is one short word (`in` → `on`, `In` → `At`, `the` → `a`): in most languages such words are
 * the prepositions and articles whose right form depends on the sentence around them, so the fix of one sentence
 * is no fix for the others that have the word. Offered, such a rule is reviewed first, never spread by one key.
 * Not an acronym (`EU`, `USA`), nor a word of a script written without spaces, whose words are all that short.
 */
export function isShortCommonWord({ find }: Pick<ReplacementRule, 'find'>): boolean {
  const word = find.normalize('NFC');
  return /^\p{L}{1,3}$/u.test(word) && word !== word.toLocaleUpperCase() && !UNSPACED.test(word);
}

import type { CheckId, Flag } from './types';

/**
 * Checks that judge how a word is written. When two of them flag overlapping words (a glossary's forbidden
 * spelling of a name is also that name's second spelling, and a word the dictionary lacks), the editor is told
 * once: the flag kept is one the view shows, then the surest, then the one with a fix, then the most specific,
 * in this order (the glossary is the client's word, the names index the document's, the dictionary only a list).
 */
export const SAME_WORD: readonly CheckId[] = ['terminology', 'name-variants', 'spelling', 'mixed-script'];
const RANK = new Map(SAME_WORD.map((id, k) => [id, k]));

function better(a: Flag, b: Flag, shown: (flag: Flag) => boolean): boolean {
  if (shown(a) !== shown(b)) return shown(a);
  if (a.confidence !== b.confidence) return a.confidence === 'sure';
  if ((a.fix === undefined) !== (b.fix === undefined)) return a.fix !== undefined;
  return RANK.get(a.check)! < RANK.get(b.check)!;
}

/** `flags` without the lesser of two word-form flags on overlapping spans (in no particular order). */
export function withoutSameWordRepeats(flags: readonly Flag[], shown: (flag: Flag) => boolean): Flag[] {
  let kept: Flag[] = [];
  for (const flag of flags) {
    const rivals = RANK.has(flag.check)
      ? kept.filter((k) => RANK.has(k.check) && k.check !== flag.check && k.start < flag.end && flag.start < k.end)
      : [];
    if (rivals.length === 0) kept.push(flag);
    // It replaces its rivals only when it beats every one of them (a multi-word term over two misspelt words).
    else if (rivals.every((rival) => better(flag, rival, shown))) kept = [...kept.filter((k) => !rivals.includes(k)), flag];
  }
  return kept;
}

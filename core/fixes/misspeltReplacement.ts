import type { Flag } from '../checks/types';

/** What separates the words of a replacement (a spelling flag covers one word with its hyphens and apostrophes). */
const WORD_GAP = /[^\p{L}\p{M}\p{N}'’\u2011\u00ad-]+/u;

/**
 * The words of a correction's replacement that the corrected sentence's spelling flags cover: offered for the
 * other sentences, the correction would spread them. `flags` are those of `text`, the corrected sentence.
 */
export function misspeltReplacement(replace: string, text: string, flags: readonly Flag[]): string[] {
  if (replace === '') return [];
  const words = new Set(replace.split(WORD_GAP));
  const flagged = new Set<string>();
  for (const flag of flags) {
    const word = text.slice(flag.start, flag.end);
    if (flag.check === 'spelling' && words.has(word)) flagged.add(word);
  }
  return [...flagged];
}

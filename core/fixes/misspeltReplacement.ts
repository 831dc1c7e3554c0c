import type { Flag } from '../checks/types';
import { words } from '../checks/text';

/** A spelling flag covers a word without its possessive (`airpotr` of `airpotr's`). */
const isWordOf = (flagged: string, word: string): boolean =>
  word === flagged || (word.startsWith(flagged) && /^['’]s?$/u.test(word.slice(flagged.length)));

/**
 * The words of a correction's replacement that the corrected sentence's spelling flags cover: offered for the
 * other sentences, the correction would spread them. `flags` are those of `text`, the corrected sentence.
 */
export function misspeltReplacement(replace: string, text: string, flags: readonly Flag[]): string[] {
  if (replace === '') return [];
  const replaced = words(replace).map((w) => w.text);
  const flagged = new Set<string>();
  for (const flag of flags) {
    const word = text.slice(flag.start, flag.end);
    if (flag.check === 'spelling' && replaced.some((w) => isWordOf(word, w))) flagged.add(word);
  }
  return [...flagged];
}

/**
 * What the name-variant check says of the replacement's words, when their usual spelling in the document is
 * another than the words replaced: `Alma-Ata` → `Almatyy` where `Almaty` is usual is likely a slip, while
 * `Alma-Ata` → `Almaty` where `Alma-Ata` is usual is the very fix an offer is for. A tie names no usual spelling.
 */
export function variantReplacement(find: string, replace: string, text: string, flags: readonly Flag[]): string[] {
  if (replace === '') return [];
  const said = new Set<string>();
  for (const flag of flags) {
    if (flag.check !== 'name-variants' || flag.fix === undefined || !replace.includes(text.slice(flag.start, flag.end))) continue;
    const usual = flag.fix.slice(flag.start, flag.fix.length - (text.length - flag.end));
    if (usual !== find) said.add(flag.message);
  }
  return [...said];
}

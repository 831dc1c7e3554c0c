import type { Flag } from '../checks/types';
import { words } from '../checks/text';

/** A spelling flag covers a word without its possessive (`airpotr` of `airpotr's`). */
const isWordOf = (flagged: string, word: string): boolean =>
  word === flagged || (word.startsWith(flagged) && /^['’]s?$/u.test(word.slice(flagged.length)));

/** The flags of `check` on words of the replacement (whole words of it, as `words` splits them), with their text. */
function flaggedWordsOf(replace: string, text: string, flags: readonly Flag[], check: Flag['check']): Array<{ flag: Flag; word: string }> {
  if (replace === '') return [];
  const replaced = words(replace).map((w) => w.text);
  const found: Array<{ flag: Flag; word: string }> = [];
  for (const flag of flags) {
    const word = text.slice(flag.start, flag.end);
    // A name may be several words: each of its words must be one of the replacement's.
    const own = words(word).map((w) => w.text);
    if (flag.check === check && own.length > 0 && own.every((part) => replaced.some((w) => isWordOf(part, w)))) found.push({ flag, word });
  }
  return found;
}

/**
 * The words of a correction's replacement that the corrected sentence's spelling flags cover: offered for the
 * other sentences, the correction would spread them. `flags` are those of `text`, the corrected sentence.
 */
export function misspeltReplacement(replace: string, text: string, flags: readonly Flag[]): string[] {
  return [...new Set(flaggedWordsOf(replace, text, flags, 'spelling').map(({ word }) => word))];
}

/**
 * What the name-variant check says of the replacement's names, when their usual spelling in the document is
 * none of the words replaced: `Alma-Ata` → `Almatyy` where `Almaty` is usual is likely a slip, while `Alma-Ata` →
 * `Almaty` where `Alma-Ata` is usual (or `Alma-Ata was closed` → `Almaty shut`) is the very fix an offer is
 * for. A tie names no usual spelling.
 */
export function variantReplacement(find: string, replace: string, text: string, flags: readonly Flag[]): string[] {
  const said = new Set<string>();
  for (const { flag } of flaggedWordsOf(replace, text, flags, 'name-variants')) {
    if (flag.fix === undefined) continue;
    const usual = flag.fix.slice(flag.start, flag.fix.length - (text.length - flag.end));
    if (!` ${find} `.includes(` ${usual} `) && !words(find).some((w) => w.text === usual)) said.add(flag.message);
  }
  return [...said];
}

import { codePoint, HIDDEN_CHARS } from '../../../core/checks/hiddenText';

/** Longest flagged text named whole in a button's title or a toast. */
const MAX_SHOWN = 40;

/**
 * The words a flag is about, as a title or a toast can show them: invisible and direction-changing characters
 * by their code (a raw U+202E would turn the rest of the message around), spaces at either end and tabs as
 * visible marks (`␣␣` for a double space), long text cut.
 */
export function flaggedWordsLabel(words: string): string {
  let shown = words.replace(HIDDEN_CHARS, (char) => codePoint(char)).replace(/\t/g, '⇥').replace(/\r?\n/g, '↵');
  if (shown.trim() !== shown) shown = shown.replace(/ /g, '␣');
  const chars = [...shown]; // by code points: a cut never splits a surrogate pair
  return `“${chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN - 1).join('')}…` : shown}”`;
}

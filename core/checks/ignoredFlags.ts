import type { Flag } from './types';

/**
 * How an ignored flag is remembered: its check and the words it is about (the flagged span's text), so that
 * "Ignore" dismisses that flag and no other of its kind. `words` null is every flag of the kind in the sentence,
 * as stores of earlier releases remember them.
 */
export const ignoredKey = (check: string, words: string | null): string => (words === null ? check : `${check}\u0000${words}`);

/** Whether the editor ignored `flag` of a sentence whose text is `text`. */
export const isIgnored = (flag: Flag, text: string, ignored: ReadonlySet<string> | undefined): boolean =>
  ignored !== undefined && ignored.size > 0 && (ignored.has(flag.check) || ignored.has(ignoredKey(flag.check, text.slice(flag.start, flag.end))));

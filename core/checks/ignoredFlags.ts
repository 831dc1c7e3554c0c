import type { Flag } from './types';

/**
 * How an ignored flag is remembered: its check and the words it is about (the flagged span's text), so that
 * "Ignore" dismisses that flag and no other of its kind. `words` null is every flag of the kind in the sentence,
 * as stores of earlier releases remember them.
 */
export const ignoredKey = (check: string, words: string | null): string => (words === null ? check : `${check}\u0000${words}`);

/** Marks the words of a flag on no text, which are its message: never the text of a span. */
const ON_NO_TEXT = '\u0001';

/**
 * What an ignored flag is remembered by: the text it flags or, for a flag on no text (a line break the source
 * ends with and the translation lacks), its message, so that ignoring it leaves its check's other such flags.
 */
export const flaggedWords = (flag: Flag, text: string): string =>
  flag.start === flag.end ? `${ON_NO_TEXT}${flag.message}` : text.slice(flag.start, flag.end);

/** Whether the editor ignored `flag` of a sentence whose text is `text`. */
export const isIgnored = (flag: Flag, text: string, ignored: ReadonlySet<string> | undefined): boolean =>
  ignored !== undefined &&
  ignored.size > 0 &&
  (ignored.has(flag.check) ||
    ignored.has(ignoredKey(flag.check, flaggedWords(flag, text))) ||
    // A flag on no text ignored before flaggedWords gave it its message: remembered with no words.
    (flag.start === flag.end && ignored.has(ignoredKey(flag.check, ''))));

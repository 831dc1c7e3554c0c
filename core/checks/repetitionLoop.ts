import type { SentenceInput } from "./context";
import { MAX_REPEAT_FLAGS } from "./repeatedWords";
import { makeFlag, quoted, replacing, words, type Word, type Finding } from "./text";

/**
 * MT caught in a loop: a phrase written over and over, copies separated by commas or spaces (`the University
 * of Bern, Bern, Bern, Bern, …`, `the history of the people who lived in the country, the history of the
 * people who lived in the country, …`). Raters call such output non-translation: whatever follows the first
 * copy is not in the source. A phrase of two words or more repeated three times, or a lone word six times
 * (`no, no, no` and `very, very, very` are how people write); numbers are left alone (`1, 1, 1` in a table).
 * The fix keeps the first copy. When the source repeats itself as often (`Чуда не будет, чуда не будет, чуда
 * не будет`), so may the translation.
 */

const MAX_PHRASE = 20;
const MIN_COPIES_PHRASE = 3;
const MIN_COPIES_WORD = 6;

/** Between two copies: spaces and commas (or semicolons) only. */
const SEPARATOR = /^[ \t\u00a0]*[,;]?[ \t\u00a0]+$|^[,;]$/u;

/**
 * How many copies of the `size` words at `i` follow each other from `i` (1 when none); `lower` holds the words
 * lower-cased. Each word is tried with 20 sizes, so the cheapest test goes first: the separator before a copy.
 */
function copiesAt(text: string, all: readonly Word[], lower: readonly string[], i: number, size: number): number {
  let copies = 1;
  for (;;) {
    const next = i + copies * size;
    if (next + size > all.length) return copies;
    // Copies are joined by a separator; words of one copy follow each other as in the first.
    if (!SEPARATOR.test(text.slice(all[next - 1]!.end, all[next]!.start))) return copies;
    for (let k = 0; k < size; k++) if (lower[i + k] !== lower[next + k]) return copies;
    for (let k = 1; k < size; k++) {
      if (text.slice(all[next + k - 1]!.end, all[next + k]!.start) !== text.slice(all[i + k - 1]!.end, all[i + k]!.start)) return copies;
    }
    copies++;
  }
}

interface Loop {
  /** The first word of the first copy. */
  i: number;
  size: number;
  copies: number;
}

/** The loops of a text, left to right. */
function loops(text: string, all: readonly Word[], minPhrase: number, minWord: number): Loop[] {
  const found: Loop[] = [];
  const lower = all.map((word) => word.text.toLowerCase());
  for (let i = 0; i < all.length; i++) {
    if (/\p{N}/u.test(all[i]!.text)) continue;
    for (let size = 1; size <= MAX_PHRASE && i + 2 * size <= all.length; size++) {
      const copies = copiesAt(text, all, lower, i, size);
      if (copies < (size === 1 ? minWord : minPhrase)) continue;
      found.push({ i, size, copies });
      i += copies * size - 1;
      break;
    }
  }
  return found;
}

export function checkRepetitionLoop({ text, words: all, source }: SentenceInput): Finding[] {
  const found = loops(text, all, MIN_COPIES_PHRASE, MIN_COPIES_WORD);
  if (found.length === 0) return [];
  // The source's own repetition: any phrase three times or more (`бла-бла-бла` read as three words).
  const spaced = source?.replace(/-/gu, ' ');
  const inSource = spaced ? loops(spaced, words(spaced), 3, 3).reduce((most, l) => Math.max(most, l.copies), 0) : 0;
  const flags: Finding[] = [];
  for (const { i, size, copies } of found) {
    if (flags.length === MAX_REPEAT_FLAGS) break; // each fix holds the whole sentence: bounded as repeats are
    if (copies <= inSource + 1) continue;
    const start = all[i + size - 1]!.end;
    const end = all[i + copies * size - 1]!.end;
    const phrase = text.slice(all[i]!.start, start);
    const message = `${quoted(phrase.length > 60 ? `${phrase.slice(0, 57)}…` : phrase)} is repeated ${copies} times: the MT is caught in a loop`;
    flags.push(makeFlag('repeated-words', 'major', message, start, end, text, replacing(start, end, '')));
  }
  return flags;
}

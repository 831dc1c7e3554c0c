import type { SentenceInput } from './context';
import { isUpperLetter, makeFlag, quoted, replacing, type Word, type Finding } from './text';

/**
 * A word or a phrase of up to four words written twice in a row with nothing but a space between (`the the`,
 * `in the in the`). The fix deletes the second copy. Doubles English allows (`had had`, `that that`), numbers
 * (`1 1`) and capitalized doubles that are names (`Bora Bora`) are left alone.
 */

const LEGIT_DOUBLES = new Set(
  [
    'had that is bye so no yes very really far many much more again over oh ha never ever knock tut chop blah well now there',
    // A relative pronoun before an article or pronoun of the same form: German `die die`, `das das`, Dutch `die die`.
    'die der das den dem des sie',
  ]
    .join(' ')
    .split(' '),
);
/** Small words that are never names, so `The the` is a repeat even though both are capitalized once. */
const FUNCTION_WORDS = new Set('the a an of in on at to for and or but with by from as is was are were it this that'.split(' '));
const MAX_PHRASE = 4;
const CONJUNCTIONS = new Set(['and', 'or', 'und', 'oder', 'et', 'ou', 'и', 'или']);

const onlySpaces = (text: string, a: Word, b: Word) => /^[ \t\u00a0]+$/u.test(text.slice(a.end, b.start));

function repeatsAt(text: string, all: readonly Word[], i: number, size: number): boolean {
  if (i + 2 * size > all.length) return false;
  for (let k = 0; k < size; k++) {
    const a = all[i + k]!;
    const b = all[i + size + k]!;
    if (a.text.length !== b.text.length || a.text.toLowerCase() !== b.text.toLowerCase() || /\p{N}/u.test(a.text)) return false;
  }
  for (let k = i; k < i + 2 * size - 1; k++) if (!onlySpaces(text, all[k]!, all[k + 1]!)) return false;
  const first = all[i]!.text.toLowerCase();
  const second = all[i + size]!;
  // Copies that differ in case are different words (German `Sie sie`), unless the first starts the sentence.
  const startsSentence = i === 0 && !/\p{L}/u.test(text.slice(0, all[0]!.start));
  if (!startsSentence && all[i]!.text !== second.text) return false;
  if (size === 1 && LEGIT_DOUBLES.has(first)) return false;
  // `and more and more`, `und mehr und mehr`: a reduplication (`more and more`) seen from its conjunction.
  if (size === 2 && CONJUNCTIONS.has(first) && !FUNCTION_WORDS.has(all[i + 1]!.text.toLowerCase())) return false;
  // A capitalized second copy in mid-sentence is a name (`Bora Bora`, `Sirhan Sirhan`), unless a function word.
  if (isUpperLetter(second.text[0]) && !FUNCTION_WORDS.has(first)) return false;
  return true;
}

/**
 * Flags per sentence at most: past a few, a sentence is garbled beyond what single fixes help, and as each fix
 * holds the whole sentence, a flag per repeat made stored flags quadratic in its length. "Fix all" checks again
 * after each fix, so the repeats past the bound are reached in turn.
 */
export const MAX_REPEAT_FLAGS = 10;

/**
 * The doubles of a sentence, left to right; those inside `loops` (flags of checkRepetitionLoop, in order) are
 * left to the loop's flag, which already removes them with every other copy.
 */
export function checkRepeatedWords({ text, words: all }: SentenceInput, loops: readonly Finding[] = []): Finding[] {
  const flags: Finding[] = [];
  let loop = 0;
  for (let i = 0; i < all.length && flags.length < MAX_REPEAT_FLAGS; i++) {
    for (let size = 1; size <= MAX_PHRASE; size++) {
      if (!repeatsAt(text, all, i, size)) continue;
      const start = all[i + size - 1]!.end;
      const end = all[i + 2 * size - 1]!.end;
      while (loop < loops.length && loops[loop]!.end < end) loop++;
      const covered = loop < loops.length && loops[loop]!.start <= start;
      if (!covered) {
        const phrase = text.slice(all[i]!.start, start);
        flags.push(makeFlag('repeated-words', 'major', `${quoted(phrase)} is written twice`, start, end, text, replacing(start, end, '')));
      }
      i += size - 1;
      break;
    }
  }
  return flags;
}

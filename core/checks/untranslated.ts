import type { SentenceCheck } from './context';
import { makeFlag, quoted, words as splitWords, type Word } from './text';
import type { Flag } from './types';

/**
 * Stretches the MT left in the source language: two or more words copied from the source in a row that the
 * target language does not have (`Department of Homeland Security` in a German text). Names the target keeps
 * as they are (runs of capitalized words only), numbers and code are left alone. With the target's dictionary
 * the copy is sure when one of its lower-case words is not a target word; without one, a copy of three words
 * or more is possible.
 */

const MIN_WORDS = 2;

/** The source's words, computed once per source string. */
let last: { text: string; words: Word[]; at: Map<string, number[]> } | undefined;
function sourceIndex(source: string) {
  if (last?.text !== source) {
    const all = splitWords(source);
    const at = new Map<string, number[]>();
    all.forEach((w, k) => at.set(w.text, [...(at.get(w.text) ?? []), k]));
    last = { text: source, words: all, at };
  }
  return last;
}

const onlySpaceBetween = (text: string, a: Word, b: Word) => /^[ \u00a0]$/u.test(text.slice(a.end, b.start));

export const checkUntranslated: SentenceCheck = ({ text, words, source, languages, speller }) => {
  if (!source || words.length < MIN_WORDS) return [];
  const { source: from, target: to } = languages;
  if (from && to && from === to) return [];
  const index = sourceIndex(source);
  const flags: Flag[] = [];
  for (let i = 0; i < words.length; ) {
    let best = 0;
    for (const k of index.at.get(words[i]!.text) ?? []) {
      let n = 1;
      while (
        i + n < words.length &&
        k + n < index.words.length &&
        words[i + n]!.text === index.words[k + n]!.text &&
        onlySpaceBetween(text, words[i + n - 1]!, words[i + n]!) &&
        onlySpaceBetween(source, index.words[k + n - 1]!, index.words[k + n]!)
      )
        n++;
      best = Math.max(best, n);
    }
    if (best < MIN_WORDS) {
      i++;
      continue;
    }
    const run = words.slice(i, i + best);
    i += best;
    const lower = run.filter((w) => /^\p{Ll}/u.test(w.text) && !/\p{N}/u.test(w.text));
    if (lower.length === 0) continue; // a name or a title kept as written
    if (run.every((w) => /^[\p{N}\p{P}]+$/u.test(w.text))) continue;
    const foreign = speller ? lower.filter((w) => !speller.correct(w.text)) : [];
    if (speller && foreign.length === 0) continue; // words the target language has too
    if (!speller && run.length < 3) continue;
    const start = run[0]!.start;
    const end = run[run.length - 1]!.end;
    // `Animal Welfare Board of India`: a name in title case may be kept in the source language, or not.
    const titled = run.filter((w) => /^\p{Lu}/u.test(w.text)).length >= 2 && lower.every((w) => w.text.length <= 3);
    flags.push(makeFlag('untranslated', 'major', `${quoted(text.slice(start, end))} is copied from the source untranslated`, start, end, text, undefined, speller && !titled ? 'sure' : 'possible'));
  }
  return flags;
};

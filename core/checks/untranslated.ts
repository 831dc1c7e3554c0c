import type { SentenceInput } from './context';
import { inScriptOf } from './languages';
import { inSourceLanguage, sourceLanguageRuns } from './sourceLanguage';
import { SuffixAutomaton } from './suffixAutomaton';
import { insideAny, makeFlag, quoted, technicalSpans, words as splitWords, type Word, type Finding } from './text';
import type { CheckOptions, Speller } from './types';

/**
 * Stretches the MT left in the source language: two or more words copied from the source in a row that the
 * target language does not have (`Department of Homeland Security` in a German text). Names the target keeps
 * as they are (runs of capitalized words only), numbers and code are left alone. With the target's dictionary
 * the copy is sure when one of its lower-case words is not a target word; without one, a copy of three words
 * or more is possible. With the source language's dictionary too, the copy is sure only when such a word is
 * a word of the source language (`Dra Abu al-Naga` in an English source is a name, not English), and runs of
 * source-language words the MT wrote without copying them (`next door to a retirement village`) are flagged
 * too: see sourceLanguage.ts.
 */

const MIN_WORDS = 2;

const onlySpaceBetween = (text: string, a: Word, b: Word) => /^[ \u00a0]$/u.test(text.slice(a.end, b.start));

/**
 * The source's words as numbers (each distinct word one), read backwards into an automaton, once per source
 * string. A copy runs over words one space apart, so anything else between two source words is a symbol of
 * its own, which no translation holds.
 */
let last: { text: string; ids: Map<string, number>; backwards: SuffixAutomaton } | undefined;
function sourceIndex(source: string) {
  if (last?.text !== source) {
    const all = splitWords(source);
    const ids = new Map<string, number>();
    const symbols: number[] = [];
    all.forEach((w, k) => {
      if (k > 0 && !onlySpaceBetween(source, all[k - 1]!, w)) symbols.push(-2 - k);
      if (!ids.has(w.text)) ids.set(w.text, ids.size);
      symbols.push(ids.get(w.text)!);
    });
    last = { text: source, ids, backwards: new SuffixAutomaton(symbols.reverse()) };
  }
  return last;
}

/**
 * For each word of the text, how many words from it on the source holds in a row, one space apart on both
 * sides (0 when the source lacks the word): the longest copy starting there. Read backwards, that is the
 * longest stretch ending there, which the automaton gives for all words in one pass; comparing the text from
 * each word with every place the source has the word took time quadratic in a long sentence.
 */
export function copiedLengths(text: string, words: readonly Word[], source: string): number[] {
  const index = sourceIndex(source);
  const symbols: number[] = [];
  const positions: number[] = [];
  words.forEach((w, k) => {
    if (k > 0 && !onlySpaceBetween(text, words[k - 1]!, w)) symbols.push(-1);
    positions.push(symbols.length);
    symbols.push(index.ids.get(w.text) ?? -1);
  });
  const lengths = index.backwards.longestEndingAt([...symbols].reverse());
  return positions.map((position) => lengths[symbols.length - 1 - position]!);
}

/** A word of a link, an address or code: inside a URL or domain, `https`, `snake_case`, `camelCase`. */
const isCode = (w: Word, technical: ReadonlyArray<[number, number]>) =>
  insideAny(technical, w.start) || /^(?:https?|www|ftp)$/iu.test(w.text) || /_|\p{Ll}\p{Lu}/u.test(w.text);


export function checkUntranslated(input: SentenceInput, options: CheckOptions = {}): Finding[] {
  const { source: from, target: to } = input.languages;
  if (from && to && from === to) return [];
  const sourceSpeller = options.sourceSpeller;
  const copied = copiedRuns(input, sourceSpeller);
  if (!input.speller || !sourceSpeller) return copied;
  return [...copied, ...sourceFragments(input, input.speller, sourceSpeller, copied)].sort((a, b) => a.start - b.start);
}

function copiedRuns({ text, words, source, speller, languages }: SentenceInput, sourceSpeller: Speller | undefined): Finding[] {
  if (!source || words.length < MIN_WORDS) return [];
  const copied = copiedLengths(text, words, source);
  const flags: Finding[] = [];
  let technical: Array<[number, number]> | undefined;
  for (let i = 0; i < words.length; ) {
    const best = copied[i]!;
    if (best < MIN_WORDS) {
      i++;
      continue;
    }
    const run = words.slice(i, i + best);
    i += best;
    // Links, addresses and code are written the same in every language: they never make a copy untranslated.
    technical ??= technicalSpans(text);
    const lower = run.filter((w) => /^\p{Ll}/u.test(w.text) && !/\p{N}/u.test(w.text) && !isCode(w, technical!));
    if (lower.length === 0) continue; // a name or a title kept as written
    if (run.every((w) => /^[\p{N}\p{P}]+$/u.test(w.text))) continue;
    const foreign = speller ? lower.filter((w) => !speller.correct(w.text)) : [];
    if (speller && foreign.length === 0) continue; // words the target language has too
    if (!speller && run.length < 3) continue;
    const start = run[0]!.start;
    const end = run[run.length - 1]!.end;
    // `Animal Welfare Board of India`: a name in title case may be kept in the source language, or not.
    const titled = run.filter((w) => /^\p{Lu}/u.test(w.text)).length >= 2 && lower.every((w) => w.text.length <= 3);
    // A copy in a third language (a Spanish or Arabic name in an English source) is a name kept as written; so
    // is one in another script than the source's (a brand in Latin letters copied from a Russian source), told
    // without the source's dictionary, which is not built for a source in another script.
    const from = languages.source;
    const ofSource =
      sourceSpeller && speller
        ? foreign.some((w) => inSourceLanguage(w.text, sourceSpeller, speller))
        : !from || foreign.some((w) => inScriptOf(from, w.text));
    flags.push(makeFlag('untranslated', 'major', `${quoted(text.slice(start, end))} is copied from the source untranslated`, start, end, text, undefined, speller && !titled && ofSource ? 'sure' : 'possible'));
  }
  return flags;
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'German', fr: 'French', ru: 'Russian', es: 'Spanish', it: 'Italian', pt: 'Portuguese', nl: 'Dutch' };
const languageName = (language: string | null) => (language && LANGUAGE_NAMES[language]) ?? 'the source language';

/** Whether [start, end) overlaps one of `flags`, which are in order and do not overlap (copiedRuns gives them so). */
function overlapsAny(flags: readonly Finding[], start: number, end: number): boolean {
  // The first flag ending after `start` is the only one that can: a binary search, as a run is tried against each.
  let low = 0;
  let high = flags.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (flags[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  return low < flags.length && flags[low]!.start < end;
}

/**
 * Runs of source-language words in the MT that are not a copy of the source's words (inflected, reordered, or
 * no source at hand). Sure when two of the run's words are lower case, one of them a source-language word: a
 * phrase left untranslated (`next door to a retirement village`). A run of capitalized source-language words is most often a
 * name kept in the source language (`Shamrock Rovers`, `Department of Natural Resources`), which raters call
 * an error about one time in three: possible. A person's name is not flagged at all (`Rachel Reeves`: the
 * source dictionary knows `Rachel` only capitalized). A single word is left to the spelling check.
 */
function sourceFragments({ text, words, languages }: SentenceInput, target: Speller, source: Speller, copied: readonly Finding[]): Finding[] {
  const flags: Finding[] = [];
  for (const run of sourceLanguageRuns(text, words, source, target)) {
    // Words of the source language's vocabulary, not its names: `Rachel` is English only with its capital.
    const common = run.foreign.filter((w) => source.correct(w.text.toLowerCase()));
    if (common.length < MIN_WORDS) continue;
    const start = run.words[0]!.start;
    const end = run.words[run.words.length - 1]!.end;
    if (overlapsAny(copied, start, end)) continue;
    const lower = run.words.filter((w) => /^\p{Ll}/u.test(w.text));
    // `Gallant to the Republicans`, `Bank of the West`: capitalized at both ends with short words between is a title.
    const first = run.words[0]!.text;
    const last = run.words[run.words.length - 1]!.text;
    const titled = /^\p{Lu}/u.test(first) && /^\p{Lu}/u.test(last) && lower.every((w) => w.text.length <= 3);
    const foreign = new Set(run.foreign);
    const sure = lower.length >= 2 && lower.some((w) => foreign.has(w)) && !titled;
    const message = `${quoted(text.slice(start, end))} is ${languageName(languages.source)}, not translated`;
    flags.push(makeFlag('untranslated', 'major', message, start, end, text, undefined, sure ? 'sure' : 'possible'));
  }
  return flags;
}

import { countScripts, dominant, scriptOf } from './scripts';
import type { Word } from './text';
import type { Speller } from './types';

/**
 * Language identification on spans of a sentence, by the two languages' dictionaries: a word is in the source
 * language when the source's dictionary knows it and the target's does not (`door` in a German sentence).
 * Over a word or two an n-gram identifier guesses (tinyld reads `Bond Court` as anything), while the
 * dictionaries tell each word; only words written in the target language's script count (another alphabet
 * is the mixed-script check's), and numbers decide nothing.
 */

export interface SourceLanguageRun {
  words: Word[];
  /** Words of the run in the source language only (the rest are short words both languages have). */
  foreign: Word[];
}

const LETTERS = /^[\p{L}\p{M}'’-]+$/u;

export function inSourceLanguage(word: string, source: Speller, target: Speller): boolean {
  return LETTERS.test(word) && word.length > 1 && !target.correct(word) && source.correct(word);
}

/**
 * A short word both languages have (`a`, `in`, `die`) may join two source-language words into one run when
 * the phrase goes on in lower case (`to a retirement`), not between two names (`Pine Street in Lower …`).
 */
const BRIDGE_MAX = 3;

const spaceOnly = (text: string, a: Word, b: Word) => /^[ \u00a0]$/u.test(text.slice(a.end, b.start));

/**
 * The runs of source-language words in a sentence, each word joined to the next by one space; a short word
 * both languages know joins two such words (`next door to a retirement village`).
 */
export function sourceLanguageRuns(text: string, words: readonly Word[], source: Speller, target: Speller): SourceLanguageRun[] {
  // The target language's script: that of the words its dictionary knows here (`Министр сказал, что this is
  // not acceptable` is Cyrillic however many Latin letters it has).
  const script = dominant(countScripts(words.filter((w) => target.correct(w.text)).map((w) => w.text).join(' '))) ?? dominant(countScripts(text));
  const foreign = words.map((w) => scriptOf(w.text[0]!) === script && inSourceLanguage(w.text, source, target));
  const runs: SourceLanguageRun[] = [];
  for (let i = 0; i < words.length; ) {
    if (!foreign[i]) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      if (j + 1 < words.length && foreign[j + 1] && spaceOnly(text, words[j]!, words[j + 1]!)) j++;
      else if (
        j + 2 < words.length &&
        foreign[j + 2] &&
        words[j + 1]!.text.length <= BRIDGE_MAX &&
        /^\p{Ll}/u.test(words[j + 2]!.text) &&
        LETTERS.test(words[j + 1]!.text) &&
        source.correct(words[j + 1]!.text) &&
        spaceOnly(text, words[j]!, words[j + 1]!) &&
        spaceOnly(text, words[j + 1]!, words[j + 2]!)
      )
        j += 2;
      else break;
    }
    const run = words.slice(i, j + 1);
    runs.push({ words: run, foreign: run.filter((_, k) => foreign[i + k]) });
    i = j + 1;
  }
  return runs;
}

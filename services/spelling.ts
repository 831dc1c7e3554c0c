import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import { languageOf } from '../core/checks/languages';
import type { Speller } from '../core/checks/types';

/**
 * Hunspell dictionaries from npm (dictionary-en, -de, -fr, -ru), read from their .aff/.dic files (the packages'
 * own entry points are ESM that read them with top-level await) and loaded once per language, the first time
 * a document in that language is checked. Spelling works offline: nothing is downloaded.
 */
const PACKAGES: Record<string, () => string> = {
  en: () => require.resolve('dictionary-en'),
  de: () => require.resolve('dictionary-de'),
  fr: () => require.resolve('dictionary-fr'),
  ru: () => require.resolve('dictionary-ru'),
};

/** Languages Redline has a dictionary for. */
export const SPELLING_LANGUAGES = Object.keys(PACKAGES);

const loaded = new Map<string, Speller | null>();
/** Remembered answers: a document repeats its words, and nspell's suggestions take milliseconds each. */
const MAX_REMEMBERED = 50_000;

function remembering<T>(compute: (word: string) => T): (word: string) => T {
  const memory = new Map<string, T>();
  return (word) => {
    const known = memory.get(word);
    if (known !== undefined || memory.has(word)) return known!;
    const value = compute(word);
    if (memory.size >= MAX_REMEMBERED) memory.clear();
    memory.set(word, value);
    return value;
  };
}

function load(entry: string): Speller {
  const folder = dirname(entry);
  const dic = readFileSync(join(folder, 'index.dic'));
  const checker = nspell({ aff: readFileSync(join(folder, 'index.aff')), dic });
  // nspell misses some stems whose flags it does not apply (German `fest/SEPTozm`, `gehen`): a word the
  // dictionary lists as written is right whatever nspell makes of its flags.
  const stems = new Set(dic.toString('utf8').split('\n').map((line) => line.replace(/\/.*$/u, '').trim()));
  // Dictionaries spell the apostrophe straight; running text often has the typographic one.
  const plain = (word: string) => word.replace(/’/gu, "'");
  const listed = (word: string) => stems.has(word) || stems.has(word.toLowerCase());
  return {
    correct: remembering((word) => listed(plain(word)) || checker.correct(plain(word))),
    suggest: remembering((word) => checker.suggest(plain(word)).slice(0, 5)),
  };
}

/** The speller of a language (a BCP 47 tag), or undefined when Redline has no dictionary for it. */
export function spellerFor(tag: string | null | undefined): Speller | undefined {
  const language = languageOf(tag);
  if (!language || !PACKAGES[language]) return undefined;
  if (!loaded.has(language)) {
    let speller: Speller | null;
    try {
      speller = load(PACKAGES[language]!());
    } catch {
      speller = null; // a missing dictionary package leaves the spelling check off, never the other checks
    }
    loaded.set(language, speller);
  }
  return loaded.get(language) ?? undefined;
}

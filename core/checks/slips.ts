/**
 * Slips of the keys: a word the dictionary lacks that is a listed word with one letter dropped inside it
 * (`detailierte` for `detaillierte`, `inegrierten`), a letter struck three times (`betttet`), or two inner
 * neighbours swapped (`Rehcnung`). Used where a dictionary misses many right words (German: nspell misreads
 * compounds, separable verbs and inflections), so that only an unknown word with the shape of a slip is called
 * a sure misspelling. Changes in a word's last two letters do not count: there a right word and a listed one
 * differ by an inflection (`streamen` / `streamern`, `Übersicht` / `Übersichts`) as often as by a slip. A
 * letter swapped for another (`posteten` / `pusteten`, `viral` / `vital`) does not count either: on correct
 * German that shape is mostly two right words.
 */

/** Letters a dropped one is looked for among, per language. */
const LETTERS: Record<string, string> = {
  de: 'abcdefghijklmnopqrstuvwxyzäöüß',
};

/** Letters at the end of a word that inflections change. */
const ENDING = 2;

/**
 * The listed word `word` is a slip of, or undefined. `known` answers for whole words; `language` picks the
 * letters looked for (none known: no dropped letter is looked for).
 */
export function slipOf(word: string, known: (word: string) => boolean, language: string): string | undefined {
  // Code units, not code points: the alphabets concerned (Latin, Cyrillic) are all in the basic plane.
  const n = word.length;
  // A letter struck three times: one too many.
  for (let i = 0; i + 2 < n; i++) {
    if (word[i] === word[i + 1] && word[i] === word[i + 2]) {
      const candidate = word.slice(0, i) + word.slice(i + 1);
      if (known(candidate)) return candidate;
    }
  }
  // Two inner neighbours swapped (not the first letter, not in the ending).
  for (let i = 1; i + 1 < n - ENDING; i++) {
    if (word[i] === word[i + 1]) continue;
    const candidate = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (known(candidate)) return candidate;
  }
  // A letter dropped inside the word (after the first letter, before the ending of the word it belongs to).
  const letters = LETTERS[language];
  if (!letters) return undefined;
  for (let i = 1; i <= n - ENDING; i++) {
    const before = word.slice(0, i);
    const after = word.slice(i);
    for (const letter of letters) {
      const candidate = before + letter + after;
      if (known(candidate)) return candidate;
    }
  }
  return undefined;
}

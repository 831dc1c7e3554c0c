/**
 * The conventions of the target languages Redline knows: quotation marks, spacing before `; : ! ?`, decimal
 * marks, the dash between clauses. A language not listed follows no language-specific rule (the checks keep
 * to what every language shares).
 */

/** The primary subtag of a BCP 47 tag, lower case: `de-AT` → `de`, `zh_Hans` → `zh`; null for none. */
export function languageOf(tag: string | null | undefined): string | null {
  const primary = /^\s*([A-Za-z]{2,3})(?![A-Za-z])/u.exec(tag ?? '')?.[1];
  return primary ? primary.toLowerCase() : null;
}

export interface Conventions {
  /** Double quotation marks, opening and closing; the first pair is the usual one. */
  quotes: ReadonlyArray<readonly [string, string]>;
  /** A (no-break) space goes before `; : ! ?` and inside « » (French). */
  spaceBeforeHighMarks: boolean;
  /** The decimal mark; the other of `.` and `,` groups thousands (or a space does). */
  decimal: '.' | ',';
  /** The dash that sets off a clause, written with a space each side. */
  dash: string;
  /** Every noun starts with a capital: a capital does not make a name. */
  capitalizesNouns: boolean;
  /** Straight quotes (") are wrong in edited text, not just a plainer style. */
  straightQuotesWrong: boolean;
}

const CONVENTIONS: Record<string, Conventions> = {
  en: { quotes: [['“', '”']], spaceBeforeHighMarks: false, decimal: '.', dash: '—', capitalizesNouns: false, straightQuotesWrong: false },
  de: { quotes: [['„', '“'], ['»', '«']], spaceBeforeHighMarks: false, decimal: ',', dash: '–', capitalizesNouns: true, straightQuotesWrong: true },
  fr: { quotes: [['«', '»'], ['“', '”']], spaceBeforeHighMarks: true, decimal: ',', dash: '–', capitalizesNouns: false, straightQuotesWrong: true },
  ru: { quotes: [['«', '»'], ['„', '“']], spaceBeforeHighMarks: false, decimal: ',', dash: '—', capitalizesNouns: false, straightQuotesWrong: true },
};

/** The conventions of a language (its primary subtag), or undefined when Redline knows none for it. */
export const conventionsOf = (language: string | null): Conventions | undefined => (language ? CONVENTIONS[language] : undefined);

/** Languages written without spaces between words, whose text is never measured or split by spaces. */
export const UNSPACED = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my']);

/** Languages written in Cyrillic: a dictionary of one finds no words of a Latin-script text, and the reverse. */
const CYRILLIC = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'tg', 'mn']);

/**
 * Whether two languages (primary subtags) are written in the same script, as far as the languages with a
 * dictionary go (Latin or Cyrillic); false when either is not known.
 */
export function sameScript(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return CYRILLIC.has(a) === CYRILLIC.has(b);
}

/** Whether a word is written in a language's script, as far as sameScript tells them apart (Cyrillic or not). */
export const inScriptOf = (language: string, word: string): boolean => CYRILLIC.has(language) === /\p{Script=Cyrillic}/u.test(word);

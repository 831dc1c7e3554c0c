/** A language tag as files and the window give them: `en`, `de-AT`, `zh-Hans`, `pt_BR` (at most three subtags). */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/;

/** The languages a document is checked in; null means "detect". */
export interface DeclaredLanguages {
  source: string | null;
  target: string | null;
}

/** A tag a file declares, trimmed, or null when it is missing or not a language tag (`*all*`, `x-unknown…`). */
export function languageTagOf(value: string | null | undefined): string | null {
  const tag = value?.trim() ?? '';
  return LANGUAGE_TAG.test(tag) ? tag : null;
}

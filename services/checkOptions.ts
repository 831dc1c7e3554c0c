import type { CheckedSentence, CheckOptions, Flag } from '../core/checks/types';

export interface DocumentLanguages {
  source?: string | null;
  target?: string | null;
}

/** The options the app checks a document with. */
export function documentCheckOptions(_sentences: readonly CheckedSentence[], _languages: DocumentLanguages, base: CheckOptions = {}): CheckOptions {
  return base;
}

/** The flags the default view shows. */
export const shownByDefault = (_flag: Flag): boolean => true;

import { shownByDefault as coreShownByDefault } from '../core/checks';
import { languageOf } from '../core/checks/languages';
import type { CheckedSentence, CheckOptions, Flag, Languages } from '../core/checks/types';
import { detectLanguage } from './languageDetection';
import { spellerFor } from './spelling';

export interface DocumentLanguages {
  source?: string | null;
  target?: string | null;
}

/**
 * The languages to check a document in: those it carries (from its file or chosen by the editor), else
 * detected from its text (the target from the MT, the source from the sources).
 */
export function resolveLanguages(sentences: readonly CheckedSentence[], languages: DocumentLanguages): Languages {
  const target = languageOf(languages.target) ?? detectLanguage(sentences.map((s) => s.text));
  const sources = sentences.map((s) => s.source ?? '').filter((s) => s.length > 0);
  const source = languageOf(languages.source) ?? (sources.length > 0 ? detectLanguage(sources) : null);
  return { source, target };
}

/**
 * The options the app checks a document with: its languages, and the target language's dictionary (loaded
 * the first time a document in that language is checked), on top of `base` (glossary, word list, settings).
 */
export function documentCheckOptions(sentences: readonly CheckedSentence[], languages: DocumentLanguages, base: CheckOptions = {}): CheckOptions {
  const resolved = resolveLanguages(sentences, languages);
  const speller = spellerFor(resolved.target);
  return { ...base, languages: resolved, ...(speller ? { speller } : {}) };
}

/** The flags the default view shows: the sure ones, and the possible ones of kinds the settings show. */
export const shownByDefault = (flag: Flag, options: CheckOptions = {}): boolean => coreShownByDefault(flag, options);

import { shownByDefault as coreShownByDefault } from '../core/checks';
import { languageOf, sameScript } from '../core/checks/languages';
import { CHECK_IDS, type CheckedSentence, type CheckId, type CheckOptions, type CheckSetting, type Flag, type Languages } from '../core/checks/types';
import type { Store } from '../db/store';
import { detectLanguage } from './languageDetection';
import { processSpellers, spellerFor, type SpellerState, type Spellers } from './spelling';

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
  return { ...base, languages: resolved, ...dictionariesFor(resolved) };
}

/**
 * Whether a document is checked with its source language's dictionary too: for source-language words left in the
 * MT (core/checks/sourceLanguage.ts), which are only looked for in the target's script — so not from a source
 * in another script (Russian into English: mixed-script flags those), whose dictionary would be built for nothing.
 */
const wantsSourceDictionary = (languages: Languages): boolean => languages.source !== languages.target && sameScript(languages.source, languages.target);

/**
 * The dictionaries a document is checked with: the target language's (spelling), and the source language's
 * when it differs and shares the target's script (see wantsSourceDictionary), each as `spellingOf` has it (the
 * source's asked for once the target's is there), and whether one is still being built.
 */
function dictionaries(languages: Languages, spellingOf: (tag: string | null) => SpellerState): { options: Pick<CheckOptions, 'speller' | 'sourceSpeller'>; loading: boolean } {
  const target = spellingOf(languages.target);
  const source: SpellerState = target.speller && wantsSourceDictionary(languages) ? spellingOf(languages.source) : { loading: false };
  return {
    options: { ...(target.speller ? { speller: target.speller } : {}), ...(source.speller ? { sourceSpeller: source.speller } : {}) },
    loading: target.loading || source.loading,
  };
}

/** The dictionaries built now (the CLI, the worker threads, tests). */
const dictionariesFor = (languages: Languages) => dictionaries(languages, (tag) => ({ speller: spellerFor(tag), loading: false })).options;

/** The flags the default view shows: the sure ones, and the possible ones of kinds the settings show. */
export const shownByDefault = (flag: Flag, options: CheckOptions = {}): boolean => coreShownByDefault(flag, options);

/** Sentences read to detect a document's language: plenty for a language identifier, and O(1) per document. */
const DETECTION_SAMPLE = 400;

export interface DocumentOptionsConfig {
  spellers?: Spellers;
  /**
   * `now` builds a missing dictionary when asked (the CLI, the worker threads); `between-requests` (the app's
   * main process) answers at once without spelling while the dictionary is built a slice at a time between
   * requests (see services/spelling.ts).
   */
  spelling?: 'now' | 'between-requests';
}

/**
 * What each document is checked with, for every check path (a whole check, a save's re-check, a typed
 * sentence): its languages — resolved once per document and kept, so a save never reads the whole document
 * to detect them — with the target language's dictionary, the glossary, the user's word list and the
 * settings (global, overridden by the document's). `forget` drops what was kept when the editor sets the
 * languages.
 */
export function documentOptions(store: Store, { spellers = processSpellers, spelling = 'now' }: DocumentOptionsConfig = {}) {
  const resolved = new Map<number, { chosen: string; languages: Languages }>();

  function languagesOf(documentId: number): Languages {
    const stored = store.checkSettings.languages(documentId);
    const chosen = JSON.stringify(stored);
    const kept = resolved.get(documentId);
    if (kept && kept.chosen === chosen) return kept.languages;
    const sample = store.segments
      .page(documentId, 0, DETECTION_SAMPLE)
      .map((s) => ({ paragraph: s.paragraph, text: s.currentText, source: s.sourceText }));
    const languages = resolveLanguages(sample, stored);
    resolved.set(documentId, { chosen, languages });
    return languages;
  }

  const settingsOf = (documentId: number): Partial<Record<CheckId, CheckSetting>> => ({
    ...store.checkSettings.settings(null),
    ...store.checkSettings.settings(documentId),
  });

  const spellingOf = (target: string | null) => (spelling === 'now' ? { speller: spellers.now(target), loading: false } : spellers.ifReady(target));

  const dictionariesOf = (languages: Languages) => dictionaries(languages, spellingOf);

  return {
    of(documentId: number): CheckOptions {
      const languages = languagesOf(documentId);
      return {
        glossary: store.glossary.list().map(({ preferred, forbidden, note }) => ({ preferred, forbidden, note })),
        knownWords: new Set(store.checkSettings.words()),
        settings: settingsOf(documentId),
        languages,
        ...dictionariesOf(languages).options,
      };
    },
    forget: (documentId: number) => resolved.delete(documentId),
    /** The languages the document is checked in: as chosen, else detected from its first sentences (kept). */
    languages: languagesOf,
    /** Whether the document's dictionaries are still being built (its checks run without them meanwhile). */
    spellingLoading: (documentId: number): boolean => dictionariesOf(languagesOf(documentId)).loading,
  };
}

export type DocumentOptions = ReturnType<typeof documentOptions>;

/**
 * What the stored flags were computed with, as a string: when it differs from today's (another glossary,
 * language, word list or setting, or spelling that was not there — a dictionary still being built — and is
 * now, or a kind of check added since), the document is checked whole again.
 */
export function optionsDigest(options: CheckOptions): string {
  return JSON.stringify({
    checks: CHECK_IDS,
    glossary: options.glossary ?? [],
    languages: options.languages ?? null,
    spelling: options.speller !== undefined,
    sourceWords: options.sourceSpeller !== undefined,
    knownWords: [...(options.knownWords ?? [])].sort(),
    settings: options.settings ?? {},
  });
}

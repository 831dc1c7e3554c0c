import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import { languageOf } from '../core/checks/languages';
import type { Speller } from '../core/checks/types';

/**
 * Hunspell dictionaries from npm (dictionary-en, -de, -fr, -ru), read from their .aff/.dic files (the packages'
 * own entry points are ESM that read them with top-level await) and loaded once per language. Spelling works
 * offline: nothing is downloaded.
 *
 * Building a speller takes seconds (nspell expands every .dic line with its affixes: French and Russian make
 * millions of forms), so there are two ways to get one. `spellerFor` builds it at once — the CLI (a terminal
 * command waits for its answer anyway) and the worker threads (off the request path) use it. The app's main
 * process uses `spellerIfReady`, which answers at once with what is there and builds a missing speller a slice
 * at a time between requests (the .aff parse is quick; the .dic is added a few hundred lines a slice), so no
 * request waits for a dictionary: checks run without spelling until it is ready.
 */
const PACKAGES: Record<string, () => string> = {
  en: () => require.resolve('dictionary-en'),
  de: () => require.resolve('dictionary-de'),
  fr: () => require.resolve('dictionary-fr'),
  ru: () => require.resolve('dictionary-ru'),
};

/** Languages Redline has a dictionary for. */
export const SPELLING_LANGUAGES = Object.keys(PACKAGES);

/** Remembered answers: a document repeats its words, and nspell's suggestions take milliseconds each. */
const MAX_REMEMBERED = 50_000;

export function remembering<T>(compute: (word: string) => T): (word: string) => T {
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

/**
 * How a speller is built, as steps: each `next()` does one slice of the work (about `sliceMs` of it) and the
 * last returns the speller (null: there is no dictionary for the language). Draining it builds at once.
 */
export type SpellerBuild = Generator<void, Speller | null, void>;
export type SpellerBuilder = (language: string, sliceMs: number) => SpellerBuild;

/** .dic lines added between two looks at the clock: small enough that a slice overruns its budget by little. */
const LINES_PER_LOOK = 64;

/** Tables a speller's word forms are spread over (see shardedTable). */
const SHARDS = 4096;

/**
 * nspell's table of word forms (millions for French and Russian) as many small tables behind one: a single
 * table, growing, copies all it holds at once each time it doubles (a pause of up to a second inside one
 * slice); small ones each copy a little. nspell only reads, writes, tests and deletes single keys.
 */
function shardedTable(): Record<string, unknown> {
  const shards = Array.from({ length: SHARDS }, () => Object.create(null) as Record<string, unknown>);
  const shardOf = (key: string): Record<string, unknown> => {
    let hash = key.length;
    for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
    return shards[hash & (SHARDS - 1)]!;
  };
  return new Proxy(Object.create(null) as Record<string, unknown>, {
    get: (_table, key) => (typeof key === 'string' ? shardOf(key)[key] : undefined),
    set: (_table, key, value) => (typeof key === 'string' ? ((shardOf(key)[key] = value), true) : false),
    has: (_table, key) => typeof key === 'string' && key in shardOf(key),
    deleteProperty: (_table, key) => (typeof key === 'string' ? delete shardOf(key)[key] : true),
  });
}

/** Builds a language's speller from its npm dictionary, a slice at a time. */
export function* dictionaryBuild(language: string, sliceMs: number): SpellerBuild {
  const entry = PACKAGES[language];
  if (!entry) return null;
  let folder: string;
  try {
    folder = dirname(entry());
  } catch {
    return null; // a missing dictionary package leaves the spelling check off, never the other checks
  }
  const aff = readFileSync(join(folder, 'index.aff'));
  const checker = nspell({ aff });
  const forms = shardedTable();
  (checker as unknown as { data: Record<string, unknown> }).data = forms;
  yield;
  const lines = readFileSync(join(folder, 'index.dic'), 'utf8').split('\n');
  // nspell builds its compound-rule expressions from the rule strings each time a .dic is added and leaves
  // expressions in their place, which a second addition would read as empty rules: each addition starts from
  // the strings again, so the last one builds them from every word.
  const compoundRules = [...(checker as unknown as { compoundRules: string[] }).compoundRules];
  // nspell misses some stems whose flags it does not apply (German `fest/SEPTozm`, `gehen`): a word the
  // dictionary lists as written is right whatever nspell makes of its flags.
  const stems = new Set<string>();
  let deadline = performance.now() + sliceMs;
  // The first line is the word count, which nspell skips in each addition (so each starts with an empty line).
  for (let at = 1; at < lines.length; at += LINES_PER_LOOK) {
    const part = lines.slice(at, at + LINES_PER_LOOK);
    (checker as unknown as { compoundRules: unknown[] }).compoundRules = [...compoundRules];
    checker.dictionary(`\n${part.join('\n')}`);
    for (const line of part) stems.add(line.replace(/\/.*$/u, '').trim());
    if (performance.now() >= deadline && at + LINES_PER_LOOK < lines.length) {
      yield;
      deadline = performance.now() + sliceMs;
    }
  }
  // Dictionaries spell the apostrophe straight; running text often has the typographic one.
  const plain = (word: string) => word.replace(/’/gu, "'");
  const listed = (word: string) => stems.has(word) || stems.has(word.toLowerCase());
  return {
    correct: remembering((word) => listed(plain(word)) || checker.correct(plain(word))),
    suggest: remembering((word) => checker.suggest(plain(word)).slice(0, 5)),
    listed: (word) => stems.has(word) || word in forms,
  };
}

/** Runs `task` after the requests already waiting (setImmediate comes after the poll phase's I/O callbacks). */
export type Scheduler = (task: () => void) => void;

export interface SpellersOptions {
  build?: SpellerBuilder;
  schedule?: Scheduler;
  /** Work a background slice does before letting requests in. */
  sliceMs?: number;
  /** Whether there is a dictionary for a language at all (else no build starts and nothing is loading). */
  has?: (language: string) => boolean;
  /** Told when a language's background build ends (its speller, or null when there is none). */
  onReady?: (language: string, speller: Speller | null) => void;
}

/** What `spellerIfReady` answers: the speller when built, else whether one is being built. */
export interface SpellerState {
  speller?: Speller;
  loading: boolean;
}

/** Spellers per language, built at once (`now`) or a slice at a time between requests (`ifReady`). */
export function spellers({ build = dictionaryBuild, schedule = setImmediate, sliceMs = 8, has, onReady }: SpellersOptions = {}) {
  const known = has ?? (build === dictionaryBuild ? (language: string) => language in PACKAGES : () => true);
  const built = new Map<string, Speller | null>();
  const building = new Map<string, SpellerBuild>();
  const waiting = new Map<string, Array<(speller: Speller | null) => void>>();

  function finish(language: string, speller: Speller | null): void {
    building.delete(language);
    built.set(language, speller);
    for (const resolve of waiting.get(language) ?? []) resolve(speller);
    waiting.delete(language);
    onReady?.(language, speller);
  }

  /** Drains a build; a failed one (an unreadable dictionary) leaves spelling off for the language. */
  function step(language: string, steps: SpellerBuild): boolean {
    try {
      const next = steps.next();
      if (next.done) finish(language, next.value);
      return next.done === true;
    } catch {
      finish(language, null);
      return true;
    }
  }

  function slice(language: string): void {
    const steps = building.get(language);
    if (!steps) return; // finished at once by `now` meanwhile
    if (!step(language, steps)) schedule(() => slice(language));
  }

  /** The speller when it is built; else its build starts (or goes on) between requests and this answers at once. */
  function ifReady(tag: string | null | undefined): SpellerState {
    const language = languageOf(tag);
    if (!language || !known(language)) return { loading: false };
    if (built.has(language)) {
      const speller = built.get(language);
      return speller ? { speller, loading: false } : { loading: false };
    }
    if (!building.has(language)) {
      building.set(language, build(language, sliceMs));
      schedule(() => slice(language));
    }
    return { loading: true };
  }

  return {
    /** The speller of a language (a BCP 47 tag), built now if need be; undefined without a dictionary. */
    now(tag: string | null | undefined): Speller | undefined {
      const language = languageOf(tag);
      if (!language || !known(language)) return undefined;
      if (!built.has(language)) {
        const steps = building.get(language) ?? build(language, Infinity);
        building.set(language, steps);
        while (!step(language, steps));
      }
      return built.get(language) ?? undefined;
    },
    ifReady,
    /** Settles when the language's speller is built (undefined: none); starts its build between requests. */
    ready(tag: string | null | undefined): Promise<Speller | undefined> {
      const language = languageOf(tag);
      const state = ifReady(tag);
      if (!language || !state.loading) return Promise.resolve(state.speller);
      return new Promise((resolve) => waiting.set(language, [...(waiting.get(language) ?? []), (s) => resolve(s ?? undefined)]));
    },
  };
}

export type Spellers = ReturnType<typeof spellers>;

/** The process's spellers: one build per language, shared by every store the process opens. */
export const processSpellers = spellers();

/** A speller that is never to be asked: see `stateOnlySpellers`. */
const NEVER_ASKED: Speller = {
  correct: () => {
    throw new Error('This reader of stored flags checks no words: it has no dictionary.');
  },
  suggest: () => [],
};

/**
 * Spellers for a reader of stored flags that checks nothing itself (the export thread's report): whether a
 * document's flags are current is told by the options digest, which says whether its languages have spelling —
 * known without building a dictionary (seconds and hundreds of MB for French). Asked to check a word, it throws.
 */
export const stateOnlySpellers = (): Spellers =>
  spellers({
    // eslint-disable-next-line require-yield -- nothing to build, so nothing to do a slice at a time
    build: function* () {
      return NEVER_ASKED;
    },
    has: (language) => language in PACKAGES,
  });

/** The speller of a language (a BCP 47 tag), built now if need be, or undefined when Redline has no dictionary for it. */
export function spellerFor(tag: string | null | undefined): Speller | undefined {
  return processSpellers.now(tag);
}

import type { Database } from 'better-sqlite3';
import { SEARCH_TOKENIZE } from '../searchTokenizer';

/**
 * Past this many whole words a prefix is left to FTS5's own prefix query (`"si" *`) without weighing the two
 * (search.ts): an OR of that many words costs FTS5 a step of each word's list per hit.
 */
export const MAX_PREFIX_TERMS = 256;

/**
 * A single sentence's write (a save, a note) drains the recorded words once in this many: a drain costs about
 * 0.35 ms (the pending index read, the words stored, the index cleared), three times the rest of what the words
 * add to a save. Meanwhile `expand` reads the pending words too: about this many writes' worth (each repository
 * counts its own writes; SQL written elsewhere, which drains nothing, adds to them until the next drain).
 */
export const WRITES_PER_DRAIN = 64;

/** The whole words a prefix stands for, and how many sentences they were written into (see migration 0016). */
export interface PrefixWords {
  words: string[];
  sentences: number;
}

/**
 * The first string after every string that starts with `prefix`, in SQLite's BINARY order (UTF-8 bytes, which
 * is code point order): the prefix with its last code point raised by one, a code point past U+10FFFF dropped
 * and carried, the surrogates (never in stored text) skipped. Null when every character is U+10FFFF: nothing
 * bounds those from above.
 */
export function prefixUpperBound(prefix: string): string | null {
  const points = Array.from(prefix, (c) => c.codePointAt(0)!);
  while (points.length > 0) {
    const last = points.pop()!;
    if (last < 0x10ffff) {
      points.push(last === 0xd7ff ? 0xe000 : last + 1);
      return String.fromCodePoint(...points);
    }
  }
  return null;
}

/**
 * The words the search index holds (migration 0016): kept by the writes, so a typed prefix can be expanded into
 * the whole words it stands for without reading their occurrences.
 */
export function searchTermsRepository(db: Database) {
  // Prepared when first used: a store is also made over a connection that never writes text nor searches (the
  // export thread's), and by tests over a store at an older schema.
  let statements: ReturnType<typeof prepareAll> | null = null;
  const prepareAll = () => ({
    moveTerms: db.prepare(
      `INSERT INTO search_terms (term, sentences) SELECT term, doc FROM search_pending_terms WHERE true
       ON CONFLICT (term) DO UPDATE SET sentences = sentences + excluded.sentences`,
    ),
    clearPending: db.prepare("INSERT INTO search_pending (search_pending) VALUES ('delete-all')"),
    anyPending: db.prepare('SELECT 1 FROM search_pending_terms LIMIT 1').pluck(),
    storedBelow: db.prepare('SELECT term, sentences FROM search_terms WHERE term >= @low AND term < @high LIMIT @limit').raw(),
    storedFrom: db.prepare('SELECT term, sentences FROM search_terms WHERE term >= @low LIMIT @limit').raw(),
    pendingBelow: db.prepare('SELECT term, doc FROM search_pending_terms WHERE term >= @low AND term < @high LIMIT @limit').raw(),
    pendingFrom: db.prepare('SELECT term, doc FROM search_pending_terms WHERE term >= @low LIMIT @limit').raw(),
  });
  const prepared = () => (statements ??= prepareAll());

  // The query's words as FTS5 folds them: a table of this connection only, made when first searched (the export
  // thread's read-only connection never searches, and could not make it).
  let fold: { insert: (text: string) => void; terms: () => string[]; clear: () => void } | null = null;
  const folder = () => {
    if (fold) return fold;
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fold USING fts5(text, content = '', ${SEARCH_TOKENIZE});
             CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fold_words USING fts5vocab(temp, search_fold, 'instance');`);
    const insert = db.prepare('INSERT INTO temp.search_fold (rowid, text) VALUES (1, ?)');
    const terms = db.prepare('SELECT term FROM temp.search_fold_words ORDER BY "offset"').pluck();
    const clear = db.prepare("INSERT INTO temp.search_fold (search_fold) VALUES ('delete-all')");
    fold = { insert: (text) => void insert.run(text), terms: () => terms.all() as string[], clear: () => void clear.run() };
    return fold;
  };

  let writesSinceDrain = 0;
  function drain(): void {
    writesSinceDrain = 0;
    const { anyPending, moveTerms, clearPending } = prepared();
    if (anyPending.get() === undefined) return;
    moveTerms.run();
    clearPending.run();
  }

  return {
    /**
     * Moves the words the writes recorded (search_pending) into search_terms. Called by the writes that add many
     * texts (an import's batch), in their transaction; a write that does not still has its words found, as
     * `expand` reads both.
     */
    drain,

    /** Told by a write of one sentence's text, in its transaction: drains once in WRITES_PER_DRAIN such writes. */
    written(): void {
      writesSinceDrain += 1;
      if (writesSinceDrain >= WRITES_PER_DRAIN) drain();
    },

    /** The words of `text` as the index's tokenizer makes them (lower case, diacritics removed), in order. */
    words(text: string): string[] {
      const f = folder();
      f.insert(text);
      try {
        return f.terms();
      } finally {
        f.clear();
      }
    },

    /**
     * The whole words of the index that start with `prefix` (a word as `words` gives it), in order, with how many
     * sentences they were written into; null past `cap` words.
     */
    expand(prefix: string, cap: number = MAX_PREFIX_TERMS): PrefixWords | null {
      const { storedBelow, storedFrom, pendingBelow, pendingFrom } = prepared();
      const high = prefixUpperBound(prefix);
      // Every word is U+10FFFF from the prefix on: no upper bound.
      const [stored, pending, params] =
        high === null
          ? [storedFrom, pendingFrom, { low: prefix, limit: cap + 1 }]
          : [storedBelow, pendingBelow, { low: prefix, high, limit: cap + 1 }];
      const found = new Map<string, number>(stored.all(params) as Array<[string, number]>);
      if (found.size > cap) return null;
      for (const [term, sentences] of pending.all(params) as Array<[string, number]>) {
        found.set(term, (found.get(term) ?? 0) + sentences);
      }
      if (found.size > cap) return null;
      const words = [...found.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      let sentences = 0;
      for (const n of found.values()) sentences += n;
      return { words, sentences };
    },
  };
}

export type SearchTermsRepository = ReturnType<typeof searchTermsRepository>;

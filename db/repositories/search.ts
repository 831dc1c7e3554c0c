import type { Database } from 'better-sqlite3';
import {
  INDEX_WORD,
  MATCH_END,
  MATCH_START,
  SEARCH_COUNT_CAP,
  SEARCH_FIELDS,
  type SearchCursor,
  type SearchField,
  type SearchHit,
  splitSnippet,
  tooShortForPrefix,
} from '../../core/model/search';
import { documentSpan } from './documentSpan';
import { searchTermsRepository, type PrefixWords } from './searchTerms';

export interface SearchOptions {
  /** Only this document's sentences; every document when left out. */
  documentId?: number | undefined;
  /** At most this many hits (default 50, at most 500). */
  limit?: number | undefined;
  /** The hits after this sentence, in document order: the `next` of the page before (keyset paging). */
  after?: SearchCursor | undefined;
  /** In every document: this one's hits first, then the other documents' by title. */
  firstDocumentId?: number | undefined;
}

export interface SearchResultPage {
  hits: SearchHit[];
  /** The last hit, when more hits follow it; null when these are the last. */
  next: SearchCursor | null;
}

export const DEFAULT_SEARCH_LIMIT = 50;
export const MAX_SEARCH_LIMIT = 500;
/** Words (or phrases) past this many are ignored: a query is typed, not pasted from a book. */
export const MAX_SEARCH_TERMS = 32;
/** Words of one phrase past this many are ignored. */
const MAX_PHRASE_TOKENS = 32;
/** Words of context a snippet shows (FTS5 allows at most 64). */
const SNIPPET_TOKENS = 32;

const QUOTE = /["“”„]/u;
const SPACE = /\s/u;
/** A word as the index's tokenizer sees one (INDEX_WORD). Everything else separates words, so it never reaches MATCH. */
const TOKEN = new RegExp(INDEX_WORD, 'gu');

/**
 * The editor's query as a safe FTS5 MATCH expression, or null when it has no word to look for.
 *
 * The query is plain words and "quoted phrases" (straight or curly quotes; an unclosed quote runs to the
 * end). Each word or phrase becomes an FTS5 string of its words only — punctuation, quotes, `*`, `:`,
 * parentheses and operators such as NEAR, AND, OR, NOT are never passed to FTS5 as syntax — and every one
 * of them must match (implicit AND). A word with inner punctuation (`Alma-Ata`) is a phrase of its words,
 * as the index stores it. While the editor types, the last word is a prefix: `Alma-A` finds `Alma-Ata`; a
 * query ending in a space or a closing quote matches whole words only.
 */
/** A word or "phrase" of the query, as the index's words (see toMatchExpression); the last may be a prefix. */
export interface QueryPhrase {
  tokens: string[];
  prefix: boolean;
}

/** The words and phrases of the editor's query, each as the index's words; empty when it has none. */
export function queryPhrases(query: string): QueryPhrase[] {
  const terms: Array<{ text: string; prefix: boolean }> = [];
  let current = '';
  let inPhrase = false;
  const end = (prefix: boolean) => {
    terms.push({ text: current, prefix });
    current = '';
  };
  for (const c of query) {
    if (QUOTE.test(c)) {
      if (inPhrase || current !== '') end(false);
      inPhrase = !inPhrase;
    } else if (!inPhrase && SPACE.test(c)) {
      if (current !== '') end(false);
    } else {
      current += c;
    }
  }
  if (current !== '') end(!SPACE.test(query.at(-1) ?? ' '));

  const phrases: QueryPhrase[] = [];
  terms.forEach((term, i) => {
    const tokens = (term.text.match(TOKEN) ?? []).slice(0, MAX_PHRASE_TOKENS);
    const last = tokens.at(-1);
    if (last !== undefined) phrases.push({ tokens, prefix: term.prefix && i === terms.length - 1 && !tooShortForPrefix(last) });
  });
  return phrases.slice(0, MAX_SEARCH_TERMS);
}

/**
 * The editor's query as a safe FTS5 MATCH expression, or null when it has no word to look for.
 *
 * The query is plain words and "quoted phrases" (straight or curly quotes; an unclosed quote runs to the
 * end). Each word or phrase becomes an FTS5 string of its words only — punctuation, quotes, `*`, `:`,
 * parentheses and operators such as NEAR, AND, OR, NOT are never passed to FTS5 as syntax — and every one
 * of them must match (implicit AND). A word with inner punctuation (`Alma-Ata`) is a phrase of its words,
 * as the index stores it. While the editor types, the last word is a prefix: `Alma-A` finds `Alma-Ata` (a last
 * word of one letter is looked for whole, see MIN_PREFIX_CHARACTERS); a query ending in a space or a closing
 * quote matches whole words only.
 */
export function toMatchExpression(query: string): string | null {
  const phrases = queryPhrases(query);
  if (phrases.length === 0) return null;
  return phrases.map(phraseExpression).join(' ');
}

/** An FTS5 string of these words: only a quotation mark means anything inside one, and it is doubled. */
const quoted = (words: readonly string[]): string => `"${words.join(' ').replaceAll('"', '""')}"`;

/** One word or phrase of the query in FTS5's syntax, the last word a prefix (`"alma a" *`) when it is one. */
function phraseExpression({ tokens, prefix }: QueryPhrase): string {
  return prefix ? `${quoted(tokens)} *` : quoted(tokens);
}

/**
 * A query made ready for `page` and `count` (searchRepository's `prepare`): its MATCH expression, with the last
 * word's prefix expanded once for both.
 */
export interface PreparedSearch {
  readonly match: string | null;
}

/** The most rows a search walks: a page past the default (one more tells whether more follow), then the count. */
const ROWS_WALKED = DEFAULT_SEARCH_LIMIT + 1 + SEARCH_COUNT_CAP + 1;
/** A step of an OR of words for each word, against a sentence merged by FTS5's prefix query (see `prepare`). */
const OR_STEP_COST = 0.5;

/**
 * Whether an OR of a prefix's whole words costs less than FTS5's prefix query (see searchRepository's `prepare`):
 * words × min(sentences, rows walked) × OR_STEP_COST < sentences.
 */
export function wordsAreCheaper({ words, sentences }: PrefixWords): boolean {
  return words.length > 0 && words.length * Math.min(sentences, ROWS_WALKED) * OR_STEP_COST < sentences;
}

/** When two fields match equally well (an unedited sentence's MT and correction), the one reported. */
const FIELD_PREFERENCE: readonly SearchField[] = ['target', 'mt', 'note', 'source'];

/** A snippet's matched spans: how many different ones (case aside), then how many in all. */
function strength(snippet: string | null): [number, number] {
  if (!snippet) return [0, 0];
  const spans = splitSnippet(snippet).filter((run) => run.match).map((run) => run.text.toLowerCase());
  return [new Set(spans).size, spans.length];
}

/**
 * The field to show for a hit: the one whose snippet marks the most different matches, then the most matches,
 * ties going to the field named first in FIELD_PREFERENCE. Read from the hit's own snippets only — ranking
 * every match (bm25) reads every match's statistics, and a frequent word matches most of a book.
 */
function bestField(snippets: Readonly<Record<SearchField, string | null>>): SearchField {
  let best: SearchField = FIELD_PREFERENCE[0]!;
  let bestStrength: [number, number] = [-1, -1];
  for (const field of FIELD_PREFERENCE) {
    const [distinct, all] = strength(snippets[field]);
    if (distinct > bestStrength[0] || (distinct === bestStrength[0] && all > bestStrength[1])) {
      best = field;
      bestStrength = [distinct, all];
    }
  }
  return best;
}

/** A hit as the query gives it: the snippet of each field that may have matched (null: not built, see below). */
type HitRow = { segmentId: number; position: number } & Record<SearchField, string> & Record<`${SearchField}Snippet`, string | null>;

/** Two characters the text does not contain, to mark matches with while FTS5 builds the snippet. */
function markersFor(text: string): [string, string] {
  if (!text.includes(MATCH_START) && !text.includes(MATCH_END)) return [MATCH_START, MATCH_END];
  const free: string[] = [];
  for (let code = 0xe000; code <= 0xf8ff && free.length < 2; code++) {
    const c = String.fromCharCode(code);
    if (!text.includes(c)) free.push(c);
  }
  return [free[0] ?? MATCH_START, free[1] ?? MATCH_END];
}

interface DocumentRow {
  id: number;
  title: string;
  segmentCount: number;
}

/** A document's sentences as a span of segment ids, and whether no other document's sentence lies inside it. */
interface IdSpan {
  first: number;
  last: number;
  contiguous: boolean;
}

/**
 * Full-text search over the sentences' MT, correction, source and note (the `segment_search` FTS5 index), in
 * document order.
 *
 * Within a document, segment id order — the index's rowid order — is position order (see documentSpan). FTS5
 * walks its rowids in order and stops at LIMIT, so a page costs the page, however many sentences match: the
 * query is bounded to the document's span of ids and starts past the last hit shown (keyset). Nothing ranks
 * every match.
 */
export function searchRepository(db: Database) {
  const terms = searchTermsRepository(db);

  /**
   * The query's MATCH expression with a prefix last word written as the whole words of the index it stands for
   * (migration 0016) when that is the cheaper: `"klicken" AND ("sie" OR "sieben")` instead of `"klicken" "sie" *`.
   *
   * For a prefix FTS5 merges the lists of every matching word into one before the first hit: it costs the
   * sentences those words are in. An OR of phrases is walked in rowid order and stops at LIMIT: it costs the
   * rows walked (at most a page and the count's cap) times the words. Measured on the bench's books (1k and 100k
   * sentences, every two-letter prefix), a step of the OR for each word costs 0.4–0.5 of a sentence merged: the
   * words are used when `wordsAreCheaper` (see README, "Search reads a page"). `useWords` replaces that choice
   * (tests: the OR is always used, to compare its hits with the prefix query's).
   *
   * The last phrase is folded by FTS5's own tokenizer (`terms.words`), so each OR branch is that phrase with its
   * last word replaced by a whole word. When the phrase gives FTS5 no word, when no whole word starts with it
   * (FTS5's prefix query then merges nothing either) or when the OR would cost more, the prefix query itself is
   * the expression.
   */
  function prepare(query: unknown, useWords: (whole: PrefixWords) => boolean = wordsAreCheaper): PreparedSearch {
    if (typeof query !== 'string') return { match: null };
    const phrases = queryPhrases(query);
    if (phrases.length === 0) return { match: null };
    const last = phrases.at(-1)!;
    const native = { match: phrases.map(phraseExpression).join(' ') };
    if (!last.prefix) return native;
    const words = terms.words(last.tokens.join(' '));
    const prefix = words.at(-1);
    if (prefix === undefined) return native;
    const whole = terms.expand(prefix);
    if (whole === null || whole.words.length === 0 || !useWords(whole)) return native;
    const before = words.slice(0, -1);
    const branches = whole.words.map((word) => quoted([...before, word])).join(' OR ');
    return { match: [...phrases.slice(0, -1).map(phraseExpression), `(${branches})`].join(' AND ') };
  }
  // A prepared query is taken as it is; anything else is the editor's query (a non-string finds nothing).
  const matchOf = (query: string | PreparedSearch): string | null => {
    if (typeof query !== 'object' || query === null) return prepare(query).match;
    return typeof query.match === 'string' ? query.match : null;
  };

  // A snippet of each field that can differ from the correction and is not empty: an unedited sentence's MT is
  // its correction, so one snippet serves (the correction is preferred on a tie anyway).
  const SNIPPETS = [
    `snippet(segment_search, ${SEARCH_FIELDS.indexOf('target')}, @open, @close, '…', ${SNIPPET_TOKENS}) AS targetSnippet`,
    `CASE WHEN f.mt = f.target THEN NULL ELSE snippet(segment_search, ${SEARCH_FIELDS.indexOf('mt')}, @open, @close, '…', ${SNIPPET_TOKENS}) END AS mtSnippet`,
    `CASE WHEN f.source = '' THEN NULL ELSE snippet(segment_search, ${SEARCH_FIELDS.indexOf('source')}, @open, @close, '…', ${SNIPPET_TOKENS}) END AS sourceSnippet`,
    `CASE WHEN f.note = '' THEN NULL ELSE snippet(segment_search, ${SEARCH_FIELDS.indexOf('note')}, @open, @close, '…', ${SNIPPET_TOKENS}) END AS noteSnippet`,
  ].join(', ');

  // The CASTs matter: better-sqlite3 binds a JS number as a REAL, and FTS5 ignores a rowid constraint whose
  // value is not an INTEGER, walking every matching row instead.
  const page = db.prepare(
    `SELECT f.rowid AS segmentId, s.position AS position, f.mt AS mt, f.target AS target, f.source AS source, f.note AS note,
            ${SNIPPETS}
     FROM segment_search f JOIN segments s ON s.id = f.rowid
     WHERE segment_search MATCH @match AND f.rowid > CAST(@after AS INTEGER) AND f.rowid <= CAST(@last AS INTEGER)
       AND s.document_id = @documentId
     ORDER BY f.rowid
     LIMIT @limit`,
  );
  // Counting stops at the cap. A span holding only the document's sentences needs no look-up per match.
  const countSpan = db.prepare(
    `SELECT count(*) FROM (
       SELECT 1 FROM segment_search
       WHERE segment_search MATCH @match AND rowid >= CAST(@first AS INTEGER) AND rowid <= CAST(@last AS INTEGER)
       LIMIT @cap)`,
  ).pluck();
  const countChecked = db.prepare(
    `SELECT count(*) FROM (
       SELECT 1 FROM segment_search f JOIN segments s ON s.id = f.rowid
       WHERE segment_search MATCH @match AND f.rowid >= CAST(@first AS INTEGER) AND f.rowid <= CAST(@last AS INTEGER)
         AND s.document_id = @documentId
       LIMIT @cap)`,
  ).pluck();
  // Every document at once: one walk of the index (a prefix is expanded once, not once per document).
  const countEverywhere = db
    .prepare(
      `SELECT count(*) FROM (
         SELECT 1 FROM segment_search f
         JOIN segments s ON s.id = f.rowid
         JOIN documents d ON d.id = s.document_id AND d.importing = 0
         WHERE segment_search MATCH @match
         LIMIT @cap)`,
    )
    .pluck();
  const snippet = db.prepare(
    `SELECT snippet(segment_search, @column, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet
     FROM segment_search WHERE segment_search MATCH @match AND rowid = CAST(@rowid AS INTEGER)`,
  );
  const oneDocument = db.prepare(
    'SELECT id, title, segment_count AS segmentCount FROM documents WHERE id = ? AND importing = 0',
  );
  const everyDocument = db.prepare(
    `SELECT id, title, segment_count AS segmentCount FROM documents WHERE importing = 0
     ORDER BY id = @first DESC, title COLLATE NOCASE, id`,
  );
  const span = documentSpan(db);
  const idAt = db
    .prepare('SELECT id FROM segments WHERE document_id = ? AND position <= ? ORDER BY position DESC LIMIT 1')
    .pluck();

  function documentsFor(options: { documentId?: number | undefined; firstDocumentId?: number | undefined }): DocumentRow[] {
    if (options.documentId !== undefined) {
      const row = oneDocument.get(options.documentId) as DocumentRow | undefined;
      return row ? [row] : [];
    }
    return everyDocument.all({ first: options.firstDocumentId ?? 0 }) as DocumentRow[];
  }

  function spanOf(document: DocumentRow): IdSpan | null {
    const ids = span(document.id);
    return ids && { ...ids, contiguous: ids.last - ids.first + 1 === document.segmentCount };
  }

  /** The field to show and its snippet as built in the query; for a text holding the markers themselves, built again. */
  function shown(match: string, row: HitRow): { field: SearchField; snippet: string } {
    const texts = SEARCH_FIELDS.map((field) => row[field] ?? '');
    if (!texts.some((text) => text.includes(MATCH_START) || text.includes(MATCH_END))) {
      const field = bestField({ target: row.targetSnippet, mt: row.mtSnippet, source: row.sourceSnippet, note: row.noteSnippet });
      return { field, snippet: row[`${field}Snippet`] ?? '' };
    }
    const [open, close] = markersFor(texts.join(''));
    // Mark with other characters, drop the text's own markers, then swap back.
    const again = (field: SearchField) => {
      const marked = (snippet.get({ column: SEARCH_FIELDS.indexOf(field), match, rowid: row.segmentId, open, close }) as { snippet: string }).snippet;
      return marked
        .replaceAll(MATCH_START, '')
        .replaceAll(MATCH_END, '')
        .replaceAll(open, MATCH_START)
        .replaceAll(close, MATCH_END);
    };
    const snippets = { target: again('target'), mt: again('mt'), source: again('source'), note: again('note') };
    const field = bestField(snippets);
    return { field, snippet: snippets[field] };
  }

  return {
    /** The query's MATCH expression, a prefix expanded where that is cheaper: give it to `page` and `count`. */
    prepare,

    /**
     * A page of the sentences that match the editor's query (see toMatchExpression), in document order — in
     * every document, the first document (`firstDocumentId`) then the others by title — one hit per sentence
     * with the field that matched best and a snippet of it. An empty or punctuation-only query finds nothing;
     * no query, however odd, is an SQL error.
     */
    page(query: string | PreparedSearch, options: SearchOptions = {}): SearchResultPage {
      const match = matchOf(query);
      if (match === null) return { hits: [], next: null };
      const wanted = Number.isFinite(options.limit) ? Math.trunc(options.limit as number) : DEFAULT_SEARCH_LIMIT;
      const limit = Math.min(Math.max(wanted, 1), MAX_SEARCH_LIMIT);
      let documents = documentsFor(options);
      const { after } = options;
      if (after) {
        const at = documents.findIndex((d) => d.id === after.documentId);
        // The document the last page ended in has gone (deleted meanwhile): nothing can be placed after it.
        if (at < 0) return { hits: [], next: null };
        documents = documents.slice(at);
      }
      const hits: SearchHit[] = [];
      const params = { match, open: MATCH_START, close: MATCH_END };
      for (const document of documents) {
        const ids = spanOf(document);
        if (!ids) continue;
        let from = ids.first - 1;
        if (after && document.id === after.documentId) from = (idAt.get(document.id, after.position) as number | undefined) ?? from;
        // One row past the page tells whether more follow.
        const rows = page.all({ ...params, documentId: document.id, after: from, last: ids.last, limit: limit + 1 - hits.length }) as HitRow[];
        for (const row of rows) {
          hits.push({
            segmentId: row.segmentId,
            documentId: document.id,
            documentTitle: document.title,
            position: row.position,
              ...shown(match, row),
          });
        }
        if (hits.length > limit) break;
      }
      if (hits.length <= limit) return { hits, next: null };
      hits.length = limit;
      const last = hits[limit - 1]!;
      return { hits, next: { documentId: last.documentId, position: last.position } };
    },

    /**
     * How many sentences match the query (in one document or in all), counting up to `cap`: `atLeast` when the
     * counting stopped there. It costs the cap at most, however many sentences match.
     */
    count(query: string | PreparedSearch, options: { documentId?: number | undefined; cap: number }): { count: number; atLeast: boolean } {
      const match = matchOf(query);
      if (match === null) return { count: 0, atLeast: false };
      if (options.documentId === undefined) {
        const all = countEverywhere.get({ match, cap: options.cap + 1 }) as number;
        return all > options.cap ? { count: options.cap, atLeast: true } : { count: all, atLeast: false };
      }
      let counted = 0;
      for (const document of documentsFor(options)) {
        const ids = spanOf(document);
        if (!ids) continue;
        const params = { match, first: ids.first, last: ids.last, cap: options.cap + 1 - counted };
        counted += (ids.contiguous ? countSpan.get(params) : countChecked.get({ ...params, documentId: document.id })) as number;
        if (counted > options.cap) return { count: options.cap, atLeast: true };
      }
      return { count: counted, atLeast: false };
    },
  };
}

export type SearchRepository = ReturnType<typeof searchRepository>;

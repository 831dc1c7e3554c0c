import type { Database } from 'better-sqlite3';
import { MATCH_END, MATCH_START, SEARCH_FIELDS, type SearchField, type SearchHit } from '../../core/model/search';

export interface SearchOptions {
  /** Only this document's sentences; every document when left out. */
  documentId?: number | undefined;
  /** At most this many hits (default 50, at most 500). */
  limit?: number | undefined;
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
/**
 * A word as the index's tokenizer (unicode61) sees one: letters, digits and private-use characters, with the
 * combining marks that follow them. Everything else separates words, so it never reaches MATCH.
 */
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{M}\p{N}\p{Co}]*/gu;

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
export function toMatchExpression(query: string): string | null {
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

  const strings: string[] = [];
  terms.forEach((term, i) => {
    const tokens = (term.text.match(TOKEN) ?? []).slice(0, MAX_PHRASE_TOKENS);
    if (tokens.length === 0) return;
    const quoted = `"${tokens.join(' ').replaceAll('"', '""')}"`;
    strings.push(term.prefix && i === terms.length - 1 ? `${quoted} *` : quoted);
  });
  return strings.length === 0 ? null : strings.slice(0, MAX_SEARCH_TERMS).join(' ');
}

/** Column weights that score one field alone; bm25 is lower (more negative) for a better match. */

/** When two fields match equally well (an unedited sentence's MT and correction), the one reported. */
const FIELD_PREFERENCE: readonly SearchField[] = ['target', 'mt', 'note', 'source'];

const score = (field: SearchField) => `bm25(segment_search, ${SEARCH_FIELDS.map((f) => (f === field ? 1 : 0)).join(', ')})`;

/**
 * The column (its index in SEARCH_FIELDS) that matched best, as an SQL expression: the lowest score, ties
 * going to the field named first in FIELD_PREFERENCE.
 */
function bestColumnExpression(): string {
  const cases = FIELD_PREFERENCE.slice(0, -1).map((field, i) => {
    const later = FIELD_PREFERENCE.slice(i + 1);
    const earlier = FIELD_PREFERENCE.slice(0, i);
    // Strictly better than the fields preferred to it (they were not chosen), at least as good as the others.
    const conditions = [
      ...earlier.map((other) => `${score(field)} < ${score(other)}`),
      ...later.map((other) => `${score(field)} <= ${score(other)}`),
    ];
    return `WHEN ${conditions.join(' AND ')} THEN ${SEARCH_FIELDS.indexOf(field)}`;
  });
  return `CASE ${cases.join(' ')} ELSE ${SEARCH_FIELDS.indexOf(FIELD_PREFERENCE.at(-1)!)} END`;
}

const BEST_COLUMN = bestColumnExpression();

interface HitRow {
  segmentId: number;
  documentId: number;
  documentTitle: string;
  position: number;
  column: number;
  snippet: string;
  text: string;
}

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

/** Full-text search over the sentences' MT, correction, source and note (the `segment_search` FTS5 index). */
export function searchRepository(db: Database) {
  // The best hits' ids first (ranking needs no snippet), then their snippets in one pass over those rows only:
  // snippet() is costly, and a frequent word matches thousands of rows of which `limit` are shown.
  const select = (where: string) =>
    db.prepare(
      `WITH best AS (
         SELECT segment_search.rowid AS id, bm25(segment_search) AS rank
         FROM segment_search
         JOIN segments s ON s.id = segment_search.rowid
         JOIN documents d ON d.id = s.document_id AND d.importing = 0
         WHERE segment_search MATCH @match ${where}
         ORDER BY bm25(segment_search), s.document_id, s.position
         LIMIT @limit)
       SELECT segment_search.rowid AS segmentId, s.document_id AS documentId, d.title AS documentTitle,
              s.position AS position, ${BEST_COLUMN} AS "column",
              snippet(segment_search, ${BEST_COLUMN}, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet,
              CASE ${BEST_COLUMN} ${SEARCH_FIELDS.map((f, i) => `WHEN ${i} THEN ${f}`).join(' ')} END AS text
       FROM segment_search
       JOIN best ON best.id = segment_search.rowid
       JOIN segments s ON s.id = segment_search.rowid
       JOIN documents d ON d.id = s.document_id
       WHERE segment_search MATCH @match
       ORDER BY best.rank, s.document_id, s.position`,
    );
  const everywhere = select('');
  const inDocument = select('AND s.document_id = @documentId');
  const snippet = db.prepare(
    `SELECT snippet(segment_search, @column, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet
     FROM segment_search WHERE segment_search MATCH @match AND rowid = CAST(@rowid AS INTEGER)`,
  );
  // The CAST matters: better-sqlite3 binds a JS number as a REAL, and FTS5 ignores a rowid constraint whose
  // value is not an INTEGER, returning every matching row instead of the one asked for.

  /** The snippet as built in the query; for a text holding the marker characters themselves, built again. */
  function snippetOf(match: string, row: HitRow): string {
    const [open, close] = markersFor(row.text ?? '');
    if (open === MATCH_START && close === MATCH_END) return row.snippet;
    // Mark with other characters, drop the text's own markers, then swap back.
    const marked = (snippet.get({ column: row.column, match, rowid: row.segmentId, open, close }) as { snippet: string }).snippet;
    return marked
      .replaceAll(MATCH_START, '')
      .replaceAll(MATCH_END, '')
      .replaceAll(open, MATCH_START)
      .replaceAll(close, MATCH_END);
  }

  return {
    /**
     * The sentences that match the editor's query (see toMatchExpression), best first by bm25, one hit per
     * sentence with the field that matched best and a snippet of it. An empty or punctuation-only query
     * finds nothing; no query, however odd, is an SQL error.
     */
    search(query: string, options: SearchOptions = {}): SearchHit[] {
      const match = typeof query === 'string' ? toMatchExpression(query) : null;
      if (match === null) return [];
      const wanted = Number.isFinite(options.limit) ? Math.trunc(options.limit as number) : DEFAULT_SEARCH_LIMIT;
      const limit = Math.min(Math.max(wanted, 1), MAX_SEARCH_LIMIT);
      const params = { match, limit, open: MATCH_START, close: MATCH_END };
      const rows = (
        options.documentId === undefined
          ? everywhere.all(params)
          : inDocument.all({ ...params, documentId: options.documentId })
      ) as HitRow[];
      return rows.map((row) => ({
        segmentId: row.segmentId,
        documentId: row.documentId,
        documentTitle: row.documentTitle,
        position: row.position,
        field: SEARCH_FIELDS[row.column]!,
        snippet: snippetOf(match, row),
      }));
    },
  };
}

export type SearchRepository = ReturnType<typeof searchRepository>;

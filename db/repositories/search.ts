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
const FIELD_SCORES = SEARCH_FIELDS.map(
  (field) => `bm25(segment_search, ${SEARCH_FIELDS.map((f) => (f === field ? 1 : 0)).join(', ')}) AS ${field}Score`,
).join(',\n         ');

/** When two fields match equally well (an unedited sentence's MT and correction), the one reported. */
const FIELD_PREFERENCE: readonly SearchField[] = ['target', 'mt', 'note', 'source'];

interface HitRow {
  segmentId: number;
  documentId: number;
  documentTitle: string;
  position: number;
  mtScore: number;
  targetScore: number;
  sourceScore: number;
  noteScore: number;
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
  const select = (where: string) =>
    db.prepare(
      `SELECT segment_search.rowid AS segmentId, s.document_id AS documentId, d.title AS documentTitle,
         s.position AS position,
         ${FIELD_SCORES}
       FROM segment_search
       JOIN segments s ON s.id = segment_search.rowid
       JOIN documents d ON d.id = s.document_id AND d.importing = 0
       WHERE segment_search MATCH @match ${where}
       ORDER BY bm25(segment_search), s.document_id, s.position
       LIMIT @limit`,
    );
  const everywhere = select('');
  const inDocument = select('AND s.document_id = @documentId');
  const snippet = db.prepare(
    `SELECT snippet(segment_search, @column, @open, @close, '…', ${SNIPPET_TOKENS}) AS snippet,
            mt, target, source, note
     FROM segment_search WHERE segment_search MATCH @match AND rowid = CAST(@rowid AS INTEGER)`,
  );
  // The CAST matters: better-sqlite3 binds a JS number as a REAL, and FTS5 ignores a rowid constraint whose
  // value is not an INTEGER, returning every matching row instead of the one asked for.

  function snippetOf(match: string, segmentId: number, field: SearchField): string {
    const column = SEARCH_FIELDS.indexOf(field);
    const params = { column, match, rowid: segmentId, open: MATCH_START, close: MATCH_END };
    const row = snippet.get(params) as ({ snippet: string } & Record<SearchField, string>) | undefined;
    if (!row) return '';
    const [open, close] = markersFor(row[field] ?? '');
    if (open === MATCH_START && close === MATCH_END) return row.snippet;
    // The text holds the marker characters themselves: mark with others, drop those, then swap back.
    const marked = (snippet.get({ ...params, open, close }) as { snippet: string }).snippet;
    return marked
      .replaceAll(MATCH_START, '')
      .replaceAll(MATCH_END, '')
      .replaceAll(open, MATCH_START)
      .replaceAll(close, MATCH_END);
  }

  function bestField(row: HitRow): SearchField {
    let best: SearchField = FIELD_PREFERENCE[0]!;
    let bestScore = Infinity;
    for (const field of FIELD_PREFERENCE) {
      const score = row[`${field}Score`];
      if (score < bestScore) {
        best = field;
        bestScore = score;
      }
    }
    return best;
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
      const rows = (
        options.documentId === undefined
          ? everywhere.all({ match, limit })
          : inDocument.all({ match, limit, documentId: options.documentId })
      ) as HitRow[];
      return rows.map((row) => {
        const field = bestField(row);
        return {
          segmentId: row.segmentId,
          documentId: row.documentId,
          documentTitle: row.documentTitle,
          position: row.position,
          field,
          snippet: snippetOf(match, row.segmentId, field),
        };
      });
    },
  };
}

export type SearchRepository = ReturnType<typeof searchRepository>;

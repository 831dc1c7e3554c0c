import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { toMatchExpression } from '../../../db/repositories/search';
import { searchTermsRepository } from '../../../db/repositories/searchTerms';
import { createStore } from '../../../db/store';
import { appliedVersions, expectRevisionsAppendOnly, expectUpgraded, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 16);

let db: Database.Database;
let before: Snapshot;

/**
 * Every word of the texts the store holds now, as FTS5's tokenizer makes them, with how many sentences hold it
 * (in any of their texts): what the index can match.
 */
function wordsStored(): Array<{ term: string; sentences: number }> {
  const rows = db
    .prepare(
      `SELECT s.id, s.mt_text AS mt, s.current_text AS text, COALESCE(s.source_text, '') AS source, COALESCE(n.text, '') AS note
       FROM segments s LEFT JOIN notes n ON n.segment_id = s.id`,
    )
    .all() as Array<{ mt: string; text: string; source: string; note: string }>;
  const terms = searchTermsRepository(db);
  const sentences = new Map<string, number>();
  for (const row of rows) {
    for (const term of new Set([row.mt, row.text, row.source, row.note].flatMap((t) => terms.words(t)))) {
      sentences.set(term, (sentences.get(term) ?? 0) + 1);
    }
  }
  return [...sentences].sort(([a], [b]) => (a < b ? -1 : 1)).map(([term, n]) => ({ term, sentences: n }));
}

beforeEach(() => {
  db = storeAt(5);
  upgradeTo(db, BEFORE);
  // A correction and a note written in release 14's SQL, so the index holds more than the imported MT.
  db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (2, 'Präsident Tokajew sprach am Nachmittag.', 'edit', ?)").run(
    UPGRADED_AT - 1000,
  );
  db.prepare("UPDATE segments SET current_text = 'Präsident Tokajew sprach am Nachmittag.', status = 'edited' WHERE id = 2").run();
  db.prepare("INSERT INTO notes (segment_id, text, updated_at) VALUES (4, 'Almaty, früher Alma-Ata', ?) ON CONFLICT (segment_id) DO UPDATE SET text = excluded.text").run(
    UPGRADED_AT - 1000,
  );
  before = snapshot(db);
  upgradeTo(db, BEFORE + 1);
});
afterEach(() => db.close());

describe('migration 0016: the words of the search index, kept by the writes', () => {
  it('fills search_terms with every word the index holds, keeping every other row and value', () => {
    const words = wordsStored();
    expect(words.map((w) => w.term)).toEqual(expect.arrayContaining(['prasident', 'tokajew', 'almaty', 'alma', 'ata', 'fruher']));
    expectUpgraded(before, snapshot(db), {}, { search_terms: words, search_pending: [] });
    expect(appliedVersions(db).at(-1)).toEqual({ version: 16, name: 'search_terms', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  });

  it('expands prefixes on the upgraded store, finding what FTS5 prefix query finds, and records later writes', () => {
    // Read through today's repositories, so the store is brought to the newest version first.
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    for (const query of ['Alm', 'Präs', 'to', 'tokaj', 'the', '"the airport" of', 'Аэро']) {
      // The OR whatever it costs (this store is too small for it to be chosen): its hits are what is compared.
      const prepared = store.search.prepare(query, () => true);
      expect(prepared.match, query).not.toBe(toMatchExpression(query));
      const native = { match: toMatchExpression(query) };
      expect(store.search.page(prepared).hits.length, query).toBeGreaterThan(0);
      expect(store.search.page(prepared), query).toEqual(store.search.page(native));
      expect(store.search.count(prepared, { cap: 100 })).toEqual(store.search.count(native, { cap: 100 }));
    }
    store.transaction(() => {
      store.revisions.append(1, 'Die Lage in Kasachstan bleibt angespannt.', 'edit', UPGRADED_AT + 1);
      store.segments.setText(1, 'Die Lage in Kasachstan bleibt angespannt.', 'edited', UPGRADED_AT + 1);
    });
    store.notes.set(3, 'Flughafen Almaty', UPGRADED_AT + 1);
    searchTermsRepository(db).drain(); // a single write drains once in WRITES_PER_DRAIN
    const terms = db.prepare('SELECT term FROM search_terms').pluck().all();
    expect(terms).toEqual(expect.arrayContaining(['kasachstan', 'angespannt', 'flughafen']));
    expect(store.search.prepare('kasach').match).toBe('("kasachstan")'); // one sentence, one word: the OR is chosen
    expect(store.search.page('kasach').hits.map((h) => h.segmentId)).toEqual([1]);
  });
});

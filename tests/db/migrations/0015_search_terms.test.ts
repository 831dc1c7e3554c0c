import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { toMatchExpression } from '../../../db/repositories/search';
import { searchTermsRepository } from '../../../db/repositories/searchTerms';
import { createStore } from '../../../db/store';
import { appliedVersions, expectRevisionsAppendOnly, expectUpgraded, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 15);

let db: Database.Database;
let before: Snapshot;

/** Every word of the texts the store holds now, as FTS5's tokenizer makes them: what the index can match. */
function wordsStored(): string[] {
  const texts = db
    .prepare(
      `SELECT mt_text FROM segments UNION ALL SELECT current_text FROM segments
       UNION ALL SELECT source_text FROM segments WHERE source_text IS NOT NULL UNION ALL SELECT text FROM notes`,
    )
    .pluck()
    .all() as string[];
  const terms = searchTermsRepository(db);
  return [...new Set(texts.flatMap((text) => terms.words(text)))].sort();
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

describe('migration 0015: the words of the search index, kept by the writes', () => {
  it('fills search_terms with every word the index holds, keeping every other row and value', () => {
    const words = wordsStored();
    expect(words).toEqual(expect.arrayContaining(['prasident', 'tokajew', 'almaty', 'alma', 'ata', 'fruher']));
    expectUpgraded(before, snapshot(db), {}, { search_terms: words.map((term) => ({ term })) });
    expect(appliedVersions(db).at(-1)).toEqual({ version: 15, name: 'search_terms', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  });

  it('expands prefixes on the upgraded store, finding what FTS5 prefix query finds, and records later writes', () => {
    const store = createStore(db);
    for (const query of ['Alm', 'Präs', 'to', 'tokaj', 'the', '"the airport" of', 'Аэро']) {
      const prepared = store.search.prepare(query);
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
    const terms = db.prepare('SELECT term FROM search_terms').pluck().all();
    expect(terms).toEqual(expect.arrayContaining(['kasachstan', 'angespannt', 'flughafen']));
    expect(store.search.prepare('kasach').match).toBe('("kasachstan")');
    expect(store.search.page('kasach').hits.map((h) => h.segmentId)).toEqual([1]);
  });
});

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { appliedVersions, expectRevisionsAppendOnly, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 15);

/** Document 1's names as release 14 stored them: `Tokayev` is a name and a spelling with a more usual variant. */
const NAMES_1 = {
  known: ['Almaty', 'Tokayev', 'Tokaev'],
  variants: [
    ['Tokaev', 'Tokayev', 3, false],
    ['Alma-Ata', 'Almaty', 1, true],
  ],
};

let db: Database.Database;
let before: Snapshot;

beforeEach(() => {
  db = storeAt(5);
  upgradeTo(db, BEFORE);
  const state = db.prepare('INSERT INTO document_check_state (document_id, glossary, names, typical_words, script) VALUES (?, ?, ?, ?, ?)');
  state.run(1, 'digest-1', JSON.stringify(NAMES_1), 11, 'Latin');
  state.run(2, 'digest-2', JSON.stringify({ known: [], variants: [] }), 0, 'Cyrillic');
  before = snapshot(db);
  upgradeTo(db, BEFORE + 1);
});
afterEach(() => db.close());

describe('migration 0015: the names a document was checked against, as rows', () => {
  it('fills a row per spelling from the stored list, and keeps every other row and value', () => {
    const after = snapshot(db);
    expect(after.document_name_facts).toEqual([
      { document_id: 1, form: 'Alma-Ata', known: 0, preferred: 'Almaty', count: 1, tie: 1 },
      { document_id: 1, form: 'Almaty', known: 1, preferred: null, count: null, tie: null },
      { document_id: 1, form: 'Tokaev', known: 1, preferred: 'Tokayev', count: 3, tie: 0 },
      { document_id: 1, form: 'Tokayev', known: 1, preferred: null, count: null, tie: null },
    ]);
    // The list itself goes, the version starts at 0; the stored flags stay current (same glossary digest).
    expect(after.document_check_state).toEqual(
      before.document_check_state!.map(({ names: _names, ...row }) => ({ ...row, names_version: 0 })),
    );
    const { document_name_facts: _facts, document_check_state: _state, ...rest } = after;
    const { document_check_state: _old, ...kept } = before;
    expect(rest).toEqual(kept);
    expect(appliedVersions(db).at(-1)).toEqual({ version: 15, name: 'name_facts', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  });

  it('reads back as the list it was (today’s repositories on the newest schema)', () => {
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    expect(store.nameFacts.all(1)).toEqual({
      known: [...NAMES_1.known].sort(),
      variants: [...NAMES_1.variants].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    });
    expect(store.nameFacts.all(2)).toEqual({ known: [], variants: [] });
    expect(store.flags.state(1)).toEqual({ glossary: 'digest-1', namesVersion: 0, typicalWords: 11, script: 'Latin' });
  });

  it('goes with its document', () => {
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM document_name_facts').pluck().get()).toBe(0);
  });
});

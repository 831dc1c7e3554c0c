import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appliedVersions,
  expectRevisionsAppendOnly,
  expectUpgraded,
  snapshot,
  storeAt,
  upgradeTo,
  UPGRADED_AT,
  type Snapshot,
} from './upgrade';

let db: Database.Database;
let before: Snapshot;

beforeEach(() => {
  db = storeAt(4);
  before = snapshot(db);
  upgradeTo(db, 5);
});
afterEach(() => db.close());

describe('migration 0005: upgrading a store written when every document was plain UTF-8 text', () => {
  it('keeps every row, old documents read as UTF-8 with no skeleton, old sentences with no unit', () => {
    expect(before.notes).toHaveLength(1);
    expect(before.annotations).toHaveLength(1);
    expect(before.exports).toHaveLength(1);
    expect(before.documents?.map((d) => d.quality_threshold)).toEqual([95, 99]);
    expectUpgraded(
      before,
      snapshot(db),
      {
        documents: { skeleton: null, encoding: 'utf-8' },
        segments: { unit_key: null, file_state: null, file_notes: null },
      },
      {},
    );
    expect(appliedVersions(db).at(-1)).toEqual({ version: 5, name: 'formats', appliedAt: UPGRADED_AT });
  });

  it('keeps the search index of old sentences, notes included', () => {
    const found = (match: string) =>
      db.prepare('SELECT rowid AS id FROM segment_search WHERE segment_search MATCH ?').all(match);
    expect(found('note: client')).toEqual([{ id: 3 }]);
    expect(found('source: протестующими')).toEqual([{ id: 3 }]);
  });

  it('refuses a skeleton or file notes that are not JSON, on old rows as on new', () => {
    expect(() => db.prepare("UPDATE documents SET skeleton = '<xliff' WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE segments SET file_notes = 'a note' WHERE id = 1").run()).toThrow(/CHECK/);
    db.prepare(`UPDATE segments SET unit_key = 'p1', file_notes = '["ok"]' WHERE id = 1`).run();
    expect(db.prepare('SELECT unit_key, file_notes FROM segments WHERE id = 1').get()).toEqual({
      unit_key: 'p1',
      file_notes: '["ok"]',
    });
  });

  it('keeps the old history append-only', () => {
    expectRevisionsAppendOnly(db, { status: 'approved', reason: null, keystrokes: 99 });
  });
});

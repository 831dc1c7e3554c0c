import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { appliedVersions, expectRevisionsAppendOnly, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 13);

let db: Database.Database;
let before: Snapshot;

beforeEach(() => {
  db = storeAt(5);
  upgradeTo(db, BEFORE);
  before = snapshot(db);
  upgradeTo(db, BEFORE + 1);
});
afterEach(() => db.close());

describe('migration 0013: skeletons apart from the document row', () => {
  it('moves every skeleton to its own table, keeping every other value of every row', () => {
    const skeletons = (before.documents ?? []).filter((d) => d.skeleton !== null);
    expect(skeletons.length).toBeGreaterThan(0);
    const after = snapshot(db);
    expect(after.document_skeletons).toEqual(skeletons.map((d) => ({ _rowid: d.id, document_id: d.id, skeleton: d.skeleton })));
    expect(after.documents).toEqual((before.documents ?? []).map(({ skeleton: _skeleton, ...rest }) => rest));
    for (const table of Object.keys(before).filter((t) => t !== 'documents')) expect({ [table]: after[table] }).toEqual({ [table]: before[table] });
    expect(appliedVersions(db).at(-1)).toEqual({ version: 13, name: 'document_skeletons', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  });

  it('a skeleton goes with its document', () => {
    const old = (before.documents ?? []).find((d) => d.skeleton !== null)!;
    db.prepare('DELETE FROM documents WHERE id = ?').run(old.id);
    expect(db.prepare('SELECT count(*) FROM document_skeletons WHERE document_id = ?').pluck().get(old.id)).toBe(0);
  });

  it('reads the same layout through the repository once every later migration ran', () => {
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    const old = (before.documents ?? []).find((d) => d.skeleton !== null)!;
    expect(store.documents.layout(old.id as number)?.skeleton).toBe(old.skeleton);
  });

  it('refuses a skeleton that is not JSON', () => {
    const id = (before.documents ?? []).find((d) => d.skeleton === null)!.id;
    expect(() => db.prepare("INSERT INTO document_skeletons (document_id, skeleton) VALUES (?, '<xliff')").run(id)).toThrow(/CHECK/);
  });
});

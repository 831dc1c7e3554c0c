import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { NOW } from '../testDb';
import { appliedVersions, expectRevisionsAppendOnly, snapshot, storeAt, upgradeTo, UPGRADED_AT } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 30);

let db: Database.Database;
afterEach(() => db.close());

describe('migration 0030: which documents know where the notes go', () => {
  it('marks every document stored so far as not knowing, a new one as knowing; every other row kept', () => {
    db = storeAt(5);
    upgradeTo(db, BEFORE);
    const before = snapshot(db);
    expect(before.documents!.length).toBeGreaterThan(0);

    upgradeTo(db, BEFORE + 1);

    const after = snapshot(db);
    expect(after.documents).toEqual(before.documents!.map((row) => ({ ...row, notes_placed: 0 })));
    for (const table of Object.keys(before).filter((t) => t !== 'documents')) {
      expect({ [table]: after[table] }).toEqual({ [table]: before[table] });
    }
    expect(appliedVersions(db).at(-1)).toEqual({ version: 30, name: 'notes_placed', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});

    const store = createStore(db);
    expect(store.documents.list().every((d) => d.notesPlaced === false)).toBe(true);
    const id = store.documents.insert({ title: 'New', fileName: 'n.xlf', format: 'xliff', leading: '', hasBom: false, createdAt: NOW });
    expect(store.documents.summary(id)?.notesPlaced).toBe(true);
  });
});

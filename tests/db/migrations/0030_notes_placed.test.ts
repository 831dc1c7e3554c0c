import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../db/store';
import { NOW } from '../testDb';
import { MIGRATIONS } from '../../../db/migrations';
import { upgradeAcross, upgradeTo, type Snapshot } from './upgrade';

let db: Database.Database;
afterEach(() => db.close());

describe('migration 0030: which documents know where the notes go', () => {
  it('marks every document stored so far as not knowing, a new one as knowing; every other row kept', () => {
    let before: Snapshot, after: Snapshot;
    ({ db, before, after } = upgradeAcross(30, 'notes_placed', 'documents'));
    expect(after.documents).toEqual(before.documents!.map((row) => ({ ...row, notes_placed: 0 })));

    upgradeTo(db, MIGRATIONS.length); // today's data layer needs today's schema
    const store = createStore(db);
    expect(store.documents.list().every((d) => d.notesPlaced === false)).toBe(true);
    const id = store.documents.insert({ title: 'New', fileName: 'n.xlf', format: 'xliff', leading: '', hasBom: false, createdAt: NOW });
    expect(store.documents.summary(id)?.notesPlaced).toBe(true);
  });
});

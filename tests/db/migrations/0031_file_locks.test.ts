import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { NOW } from '../testDb';
import { appliedVersions, expectRevisionsAppendOnly, snapshot, storeAt, upgradeTo, UPGRADED_AT } from './upgrade';

let db: Database.Database;
afterEach(() => db.close());

const TOO_LONG = JSON.stringify(['Too long to edit here: 20,005 characters, where a sentence may have 20,000. Kept as the file has it.']);

describe('migration 0031: why a sentence is locked', () => {
  it('marks the sentences locked by their file, not those locked as too long to edit; every other value kept', () => {
    db = storeAt(5);
    const index = MIGRATIONS.findIndex((m) => m.version === 31);
    upgradeTo(db, index);
    // What release 30 stored for an XLIFF: a unit its file locks, one too long to edit (with a file note of its own
    // too), and one neither.
    const insert = db.prepare(
      `INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, trailing, updated_at, locked, file_notes)
       VALUES (2, ?, 1, ?, ?, '', ?, ?, ?)`,
    );
    insert.run(10, 'Signed off.', 'Signed off.', NOW, 1, JSON.stringify(['From the client.']));
    insert.run(11, 'x'.repeat(20_005), 'x'.repeat(20_005), NOW, 1, JSON.stringify(['Check the figures.', JSON.parse(TOO_LONG)[0]]));
    insert.run(12, 'Open.', 'Open.', NOW, 0, null);
    // Too long, and locked by its Trados file too (the note Redline gave it says so).
    insert.run(13, 'y'.repeat(20_005), 'y'.repeat(20_005), NOW, 1, JSON.stringify(['Trados: Translated, locked', JSON.parse(TOO_LONG)[0]]));
    const before = snapshot(db);
    upgradeTo(db, index + 1);
    const after = snapshot(db);
    expect(appliedVersions(db).at(-1)).toEqual({ version: 31, name: 'file_locks', appliedAt: UPGRADED_AT });
    const fileLocked = (row: Record<string, unknown>) => (row.locked === 1 && row.position !== 11 ? 1 : 0);
    expect(after.segments).toEqual(before.segments!.map((row) => ({ ...row, file_locked: fileLocked(row) })));
    for (const table of Object.keys(before).filter((t) => t !== 'segments')) expect(after[table]).toEqual(before[table]);
    expectRevisionsAppendOnly(db, {});
  });

  it('keeps a sentence’s file lock as imported', () => {
    db = storeAt(5);
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    const id = store.segments.insert({ documentId: 1, position: 9, paragraph: 9, mtText: 'Kept.', sourceText: null, trailing: '', createdAt: NOW, locked: true, fileLocked: true });
    expect(() => db.prepare('UPDATE segments SET file_locked = 0 WHERE id = ?').run(id)).toThrow('segments.file_locked is set at import and never changes');
  });
});

import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { NOW } from '../testDb';
import { appliedVersions, expectRevisionsAppendOnly, expectUpgraded, snapshot, storeAt, upgradeTo, UPGRADED_AT } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 25);

let db: Database.Database;
afterEach(() => db.close());

describe('migration 0025: each step’s size kept on its row', () => {
  it('fills the size of the steps stored from their revisions, keeping every other row', () => {
    // The releases' store: document 2 holds a replace-all (batch 1) and its undo (batch 2), a revision each.
    db = storeAt(5);
    upgradeTo(db, BEFORE);
    // A step of three revisions (two of one sentence, as typing saved at each pause is), and one of none.
    const step = (kind: string) =>
      Number(db.prepare('INSERT INTO batches (document_id, kind, label, created_at) VALUES (1, ?, ?, ?)').run(kind, kind, NOW).lastInsertRowid);
    const typing = step('edit');
    const revision = db.prepare('INSERT INTO revisions (segment_id, text, origin, created_at, batch_id) VALUES (?, ?, ?, ?, ?)');
    const setText = db.prepare('UPDATE segments SET current_text = ? WHERE id = ?');
    for (const [segment, text] of [[1, 'Typed.'], [1, 'Typed more.'], [2, 'Also typed.']] as const) {
      revision.run(segment, text, 'edit', NOW, typing);
      setText.run(text, segment);
    }
    const empty = step('status');
    const before = snapshot(db);

    upgradeTo(db, BEFORE + 1);

    const { batches, ...rest } = before;
    const after = snapshot(db);
    expectUpgraded(rest, { ...after, batches: [] }, {}, { batches: [] });
    const sizes = new Map([[1, 1], [2, 1], [typing, 3], [empty, 0]]);
    expect(after.batches).toEqual(batches!.map((row) => ({ ...row, size: sizes.get(row.id as number) })));
    expect(appliedVersions(db).at(-1)).toEqual({ version: 25, name: 'batch_sizes', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  });

  it('is what a step reads as its size: no count of its revisions on each ask', () => {
    db = storeAt(5);
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    expect(store.batches.get(1)?.size).toBe(1);
    db.prepare('UPDATE batches SET size = 41 WHERE id = 1').run();
    expect(store.batches.get(1)?.size).toBe(41);
  });
});

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { NOW } from '../testDb';
import { appliedVersions, expectRevisionsAppendOnly, expectUpgraded, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';

/** How many shipped migrations come before 0011 (the numbers before it may be merged from other work). */
const BEFORE = MIGRATIONS.findIndex((m) => m.version === 11);

let db: Database.Database;
let before: Snapshot;

beforeEach(() => {
  db = storeAt(5);
  upgradeTo(db, BEFORE);
  before = snapshot(db);
  upgradeTo(db, BEFORE + 1);
});
afterEach(() => db.close());

describe('migration 0011: locked segments', () => {
  it('keeps every row, each old sentence unlocked', () => {
    expect(BEFORE).toBeGreaterThan(7);
    expect(before.segments?.length).toBe(7);
    expectUpgraded(before, snapshot(db), { segments: { locked: 0 } }, {});
    expect(appliedVersions(db).at(-1)).toEqual({ version: 11, name: 'locked_segments', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  });

  it('old sentences stay editable through today’s data layer', () => {
    if (appliedVersions(db).length < MIGRATIONS.length) upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    expect(store.segments.get(4)?.locked).toBe(false);
    store.revisions.append(4, 'Almaty is the largest city.', 'edit', NOW + 1, { status: 'edited' });
    store.segments.setText(4, 'Almaty is the largest city.', 'edited', NOW + 1);
    expect(store.segments.get(4)?.currentText).toBe('Almaty is the largest city.');
  });

  it('a locked sentence’s text and a sentence’s lock never change in the store', () => {
    if (appliedVersions(db).length < MIGRATIONS.length) upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    const id = store.segments.insert({
      documentId: 3,
      position: 3,
      paragraph: 3,
      mtText: 'The airport was seized.',
      sourceText: 'Аэропорт захвачен.',
      trailing: '',
      createdAt: NOW,
      unitKey: 'u3',
      status: 'approved',
      locked: true,
    });
    store.revisions.append(id, 'The airport was seized.', 'import', NOW, { status: 'approved' });
    expect(store.segments.get(id)).toMatchObject({ locked: true, status: 'approved' });
    // Even with a revision recording it, the text does not change …
    store.revisions.append(id, 'The airport was taken.', 'edit', NOW + 1, { status: 'edited' });
    expect(() => store.segments.setText(id, 'The airport was taken.', 'edited', NOW + 1)).toThrow(/locked segment/);
    // … while its status may.
    store.revisions.append(id, 'The airport was seized.', 'status', NOW + 2, { status: 'confirmed' });
    store.segments.setText(id, 'The airport was seized.', 'confirmed', NOW + 2);
    expect(store.segments.get(id)).toMatchObject({ currentText: 'The airport was seized.', status: 'confirmed' });
    expect(() => db.prepare('UPDATE segments SET locked = 0 WHERE id = ?').run(id)).toThrow(/set at import/);
    expect(() => db.prepare('UPDATE segments SET locked = 1 WHERE id = 1').run()).toThrow(/set at import/);
    expect(() => db.prepare("UPDATE segments SET locked = 2 WHERE id = 1").run()).toThrow();
  });
});

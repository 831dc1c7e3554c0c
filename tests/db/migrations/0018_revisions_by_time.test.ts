import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { appliedVersions, expectRevisionsAppendOnly, expectUpgraded, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 18);

let db: Database.Database;
let before: Snapshot;

beforeEach(() => {
  db = storeAt(5);
  upgradeTo(db, BEFORE);
  before = snapshot(db);
  upgradeTo(db, BEFORE + 1);
});
afterEach(() => db.close());

describe('migration 0018: the editor’s revisions indexed by the time they were written', () => {
  it('adds the index and changes no row', () => {
    expectUpgraded(before, snapshot(db), {}, {});
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'revisions'").pluck().all();
    expect(indexes).toContain('revisions_worked_by_time');
    expect(appliedVersions(db).at(-1)).toEqual({ version: 18, name: 'revisions_by_time', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  });
});

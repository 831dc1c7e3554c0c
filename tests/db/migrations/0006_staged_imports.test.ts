import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore, type Store } from '../../../db/store';
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
  db = storeAt(5);
  before = snapshot(db);
  upgradeTo(db, 6);
});

/** Today's data layer over the upgraded store: it reads the old data once every later migration has run too. */
function store(): Store {
  if (appliedVersions(db).length < MIGRATIONS.length) upgradeTo(db, MIGRATIONS.length);
  return createStore(db);
}
afterEach(() => db.close());

describe('migration 0006: upgrading a store written before imports were staged', () => {
  it('keeps every row, every old document finished (not importing)', () => {
    expect(before.documents?.map((d) => [d.format, d.encoding])).toEqual([
      ['text', 'utf-8'],
      ['text', 'utf-8'],
      ['xliff', 'utf-16le'],
    ]);
    expectUpgraded(before, snapshot(db), { documents: { importing: 0 } }, {});
    expect(appliedVersions(db).at(-1)).toEqual({ version: 6, name: 'staged_imports', appliedAt: UPGRADED_AT });
  });

  it('shows every old document in the library, with its sentences and counts', () => {
    expect(store().documents.list().map((d) => [d.id, d.title, d.segmentCount, d.editedCount, d.confirmedCount])).toEqual([
      [1, 'Kazakhstan', 3, 2, 1],
      [3, 'Press release', 2, 0, 0],
      [2, 'Almaty notes', 2, 0, 0],
    ]);
    expect(store().documents.layout(3)).toEqual({
      id: 3,
      fileName: 'press.xlf',
      format: 'xliff',
      leading: '',
      hasBom: true,
      skeleton: before.documents?.[2]?.skeleton,
      encoding: 'utf-16le',
    });
    expect([1, 2, 3].map((id) => store().documents.isImporting(id))).toEqual([false, false, false]);
  });

  it('finds old sentences in search, and a crash sweep leaves old documents alone', () => {
    expect(store().search.page('Tokayev').hits.map((h) => h.segmentId)).toEqual([2]);
    expect(store().search.page('government').hits.map((h) => h.segmentId)).toEqual([7]);
    expect(store().documents.unfinishedIds()).toEqual([]);
    expect(store().documents.list()).toHaveLength(3);
    expect(store().documents.removeImport(1)).toBe(false);
    expect(store().documents.remove(1)).toBe(true);
  });

  it('reads the old history through the store as it was written', () => {
    expect(store().revisions.forSegment(3).map((r) => [r.origin, r.status, r.reason])).toEqual([
      ['import', null, null],
      ['status', 'rejected', 'The city is Almaty now'],
    ]);
    expect(store().revisions.ofBatch(2).map((r) => [r.segmentId, r.origin, r.previousText])).toEqual([
      [4, 'revert', 'Almaty is the largest city of the country.'],
    ]);
    expect(() => db.prepare('UPDATE documents SET importing = 2 WHERE id = 1').run()).toThrow(/CHECK/);
  });

  it('keeps the old history append-only', () => {
    expectRevisionsAppendOnly(db, { status: 'confirmed', batch_id: null, edit_ms: 0 });
  });
});

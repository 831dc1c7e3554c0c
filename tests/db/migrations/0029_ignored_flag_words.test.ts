import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { NOW } from '../testDb';
import { appliedVersions, expectRevisionsAppendOnly, snapshot, storeAt, upgradeTo, UPGRADED_AT } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 29);

let db: Database.Database;
afterEach(() => db.close());

describe('migration 0029: ignored flags remembered with their words', () => {
  it('keeps each ignored kind as a row without words, which still ignores the whole kind, and every other row', () => {
    db = storeAt(5);
    upgradeTo(db, BEFORE);
    const before = snapshot(db);
    const ignored = before.ignored_flags ?? [];
    expect(ignored.length).toBeGreaterThan(0);

    upgradeTo(db, BEFORE + 1);

    const after = snapshot(db);
    expect(after.ignored_flags).toEqual(ignored.map((row) => ({ ...row, words: null })));
    for (const table of Object.keys(before).filter((t) => t !== 'ignored_flags')) {
      expect({ [table]: after[table] }).toEqual({ [table]: before[table] });
    }
    expect(appliedVersions(db).at(-1)).toEqual({ version: 29, name: 'ignored_flag_words', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});

    upgradeTo(db, MIGRATIONS.length); // the repositories read the newest schema
    const store = createStore(db);
    const { segment_id: segmentId, check_id: check } = ignored[0] as { segment_id: number; check_id: string };
    expect(store.ignoredFlags.ofSegment(segmentId)).toEqual(new Set([check]));
    // New rows name their words, once each; they go with their sentence.
    store.ignoredFlags.set(segmentId, 'spelling', 'Tokaev', true, NOW);
    store.ignoredFlags.set(segmentId, 'spelling', 'Tokaev', true, NOW);
    expect(store.ignoredFlags.ofSegment(segmentId)).toEqual(new Set([check, 'spelling\u0000Tokaev']));
    db.prepare('DELETE FROM segments WHERE id = ?').run(segmentId);
    expect(db.prepare('SELECT COUNT(*) FROM ignored_flags WHERE segment_id = ?').pluck().get(segmentId)).toBe(0);
  });
});

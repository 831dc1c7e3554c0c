import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { NOW } from '../testDb';
import { upgradeAcross, upgradeTo, type Snapshot } from './upgrade';

let db: Database.Database;
afterEach(() => db.close());

describe('migration 0029: ignored flags remembered with their words', () => {
  it('keeps each ignored kind as a row without words, which still ignores the whole kind, and every other row', () => {
    let before: Snapshot, after: Snapshot;
    ({ db, before, after } = upgradeAcross(29, 'ignored_flag_words', 'ignored_flags'));
    const ignored = before.ignored_flags!;
    expect(after.ignored_flags).toEqual(ignored.map((row) => ({ ...row, words: null })));

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

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { appliedVersions, expectRevisionsAppendOnly, expectUpgraded, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 17);

let db: Database.Database;
let before: Snapshot;

const flagsJson = (n: number) => JSON.stringify(Array.from({ length: n }, () => ({ check: 'spacing', severity: 'minor', message: 'x', start: 0, end: 1 })));
/** What the counter must hold: the flagged rows of each document, counted. */
const counted = () =>
  db.prepare('SELECT document_id, COUNT(*) AS n FROM segment_flags WHERE flag_count > 0 GROUP BY document_id ORDER BY document_id').all();
const kept = () => db.prepare('SELECT document_id, n FROM document_flagged_sentences WHERE n > 0 ORDER BY document_id').all();

beforeEach(() => {
  db = storeAt(5);
  upgradeTo(db, BEFORE);
  // Flags stored in release 16's SQL: two flagged sentences and a clean one in document 1, one flagged in document 2.
  const put = db.prepare('INSERT INTO segment_flags (segment_id, document_id, position, flag_count, flags) VALUES (?, ?, ?, ?, ?)');
  for (const [segmentId, documentId, position, n] of [[1, 1, 1, 2], [2, 1, 2, 0], [3, 1, 3, 1], [4, 2, 1, 1]] as const) {
    put.run(segmentId, documentId, position, n, flagsJson(n));
  }
  db.prepare("INSERT INTO document_flag_counts (document_id, check_id, n) VALUES (1, 'spacing', 3), (2, 'spacing', 1)").run();
  before = snapshot(db);
  upgradeTo(db, BEFORE + 1);
});
afterEach(() => db.close());

describe('migration 0017: flagged sentences counted per document, kept by the write', () => {
  it('fills the count from the flags stored, keeping every other row', () => {
    expectUpgraded(before, snapshot(db), {}, {
      document_flagged_sentences: [
        { _rowid: 1, document_id: 1, n: 2 },
        { _rowid: 2, document_id: 2, n: 1 },
      ],
    });
    expect(appliedVersions(db).at(-1)).toEqual({ version: 17, name: 'flagged_sentences', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  });

  it('keeps the count equal to the flagged rows through upserts, clears and a deleted document', () => {
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    const flag = { check: 'spacing' as const, severity: 'minor' as const, confidence: 'sure' as const, message: 'x', start: 0, end: 1 };
    // A sentence flagged, one cleaned, one that stays flagged with fewer flags, and a new row without flags.
    store.flags.put(1, [
      { segmentId: 2, position: 2, flags: [flag] },
      { segmentId: 1, position: 1, flags: [] },
      { segmentId: 3, position: 3, flags: [flag] },
    ]);
    expect(kept()).toEqual(counted());
    expect(store.flags.flaggedSentences(1)).toBe(2);
    store.flags.clear(1);
    expect(store.flags.flaggedSentences(1)).toBe(0);
    store.flags.put(1, [{ segmentId: 1, position: 1, flags: [flag, flag] }], true);
    expect(kept()).toEqual(counted());
    db.prepare('DELETE FROM documents WHERE id = 2').run();
    expect(kept()).toEqual(counted());
    expect(store.flags.flaggedSentences(2)).toBe(0);
    expect(store.flags.positions(1)).toEqual([1]);
    expect(store.flags.positions(1, 'spacing')).toEqual([1]);
    expect(store.flags.positions(1, 'spelling')).toEqual([]);
  });
});

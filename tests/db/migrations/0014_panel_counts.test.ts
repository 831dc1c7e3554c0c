import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { appliedVersions, expectRevisionsAppendOnly, expectUpgraded, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';
import { panelCountsFromScratch } from '../panelCountsFromScratch';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 14);

let db: Database.Database;
let before: Snapshot;

const fromScratch = (documentId: number) => panelCountsFromScratch(db, documentId);

/** Typed edits as release 13 wrote them: an 'edit' revision with its time (0009's trigger adds it to the sentence). */
function typed(segmentId: number, ms: number): void {
  db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at, edit_ms, keystrokes) VALUES (?, 'Typed.', 'edit', ?, ?, 3)").run(
    segmentId,
    UPGRADED_AT - 1000,
    ms,
  );
}

beforeEach(() => {
  db = storeAt(5);
  upgradeTo(db, BEFORE);
  // More typed sentences than the fills have, with tied times, in both documents of the store (release 13's SQL).
  for (const [segmentId, ms] of [[1, 1200], [3, 5400], [4, 800], [5, 800], [1, 4200]] as const) typed(segmentId, ms);
  db.prepare('UPDATE segments SET hter_band = 3 WHERE id = 5').run();
  before = snapshot(db);
  upgradeTo(db, BEFORE + 1);
});
afterEach(() => db.close());

describe('migration 0014: counts per HTER band and the median typing time kept by the write', () => {
  it('fills both from the sentences stored, keeping every other row and value', () => {
    const documents = db.prepare('SELECT id FROM documents ORDER BY id').pluck().all() as number[];
    const bandRows = db
      .prepare('SELECT document_id, hter_band AS band, COUNT(*) AS sentences FROM segments WHERE hter_band IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2')
      .all();
    expect(bandRows.length).toBeGreaterThan(1);
    // Document 1: 1200 + 4200, 5400 (the fill's 5400 on sentence 2), 5400 → timed 3, lower middle (5400, id 2).
    // Document 2: 800 and 800 → timed 2, lower middle (800, id 4).
    expectUpgraded(before, snapshot(db), {}, {
      hter_band_counts: bandRows as Array<Record<string, unknown>>,
      typing_medians: [
        { _rowid: 1, document_id: 1, timed: 3, below: 1, cursor_ms: 5400, cursor_id: 2 },
        { _rowid: 2, document_id: 2, timed: 2, below: 0, cursor_ms: 800, cursor_id: 4 },
      ],
    });
    expect(appliedVersions(db).at(-1)).toEqual({ version: 14, name: 'panel_counts', appliedAt: UPGRADED_AT });
    // Read through today's repositories, so the store is brought to the newest version first (later migrations
    // leave these counts as they are).
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    for (const id of documents) {
      const { bands, medianEditMs } = store.metrics.totals(id)!;
      expect({ id, bands, medianEditMs }).toEqual({ id, ...fromScratch(id) });
    }
    expectRevisionsAppendOnly(db, {});
  });

  it('keeps them on the upgraded store as later edits and deletions change the sentences', () => {
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    const check = () => {
      for (const id of db.prepare('SELECT id FROM documents').pluck().all() as number[]) {
        const { bands, medianEditMs } = store.metrics.totals(id)!;
        expect({ id, bands, medianEditMs }).toEqual({ id, ...fromScratch(id) });
      }
    };
    typed(4, 100);
    check();
    typed(2, 1);
    db.prepare('UPDATE segments SET hter_band = NULL WHERE id = 5').run();
    check();
    db.prepare('DELETE FROM documents WHERE id = 2').run();
    expect(db.prepare('SELECT count(*) FROM typing_medians WHERE document_id = 2').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM hter_band_counts WHERE document_id = 2').pluck().get()).toBe(0);
    check();
  });
});

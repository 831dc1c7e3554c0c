import { describe, expect, it } from 'vitest';
import { documentMetrics } from '../../../core/metrics';
import { metricsFromTotals, storedFigures } from '../../../core/metrics/storedFigures';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import type Database from 'better-sqlite3';
import { appliedVersions, expectRevisionsAppendOnly, storeAt, upgradeTo, UPGRADED_AT } from './upgrade';

type Row = Record<string, unknown>;

/** Every row of every table but the search index's shadow tables, in key order (0007 added a WITHOUT ROWID table). */
function snapshot(db: Database.Database): Record<string, Row[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'segment_search_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.filter((t) => t !== 'schema_migrations').map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2`).all() as Row[]]),
  );
}

describe('migration 0009: stored metrics and counters', () => {
  it('upgrades a store at 0008 with edits, effort, batches and statuses: every row intact, the new figures filled', () => {
    const db = storeAt(5);
    upgradeTo(db, 8);
    const before = snapshot(db);
    upgradeTo(db, 9);
    expect(appliedVersions(db).at(-1)).toEqual({ version: 9, name: 'stored_metrics', appliedAt: UPGRADED_AT });

    // Every table and row as it was, in the columns it had; only columns were added, no table.
    const after = snapshot(db);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [table, rows] of Object.entries(before)) {
      const kept = after[table]!.map((row) => Object.fromEntries(Object.keys(rows[0] ?? row).map((k) => [k, row[k]])));
      expect({ [table]: kept }).toEqual({ [table]: rows });
    }

    // Each sentence's figures are what core computes from its MT and current text.
    const segments = db.prepare('SELECT * FROM segments ORDER BY id').all() as Row[];
    expect(segments.length).toBe(7);
    for (const s of segments) {
      const f = storedFigures(s.mt_text as string, s.current_text as string);
      expect(s).toMatchObject({
        ter_edits: f.edits,
        ter_ref_words: f.refWords,
        ter_insertions: f.insertions,
        ter_deletions: f.deletions,
        ter_substitutions: f.substitutions,
        ter_shifts: f.shifts,
        hter_band: f.band,
        rewritten: f.rewritten ? 1 : 0,
        mt_words: f.mtWords,
        char_edits: f.charEdits,
        char_length: f.charLength,
      });
    }
    // The typed effort of sentence 2 (0002) and the replace and its undo on sentence 4 (0003).
    expect(segments[1]).toMatchObject({ typed_ms: 5400, typed_keystrokes: 37, batch_written: 0 });
    expect(segments[3]).toMatchObject({ typed_ms: 0, batch_written: 1 });

    // Each document's metrics read from its row equal the from-scratch computation; so do its counters (read
    // through today's repositories, so the store is brought to the newest version first — later migrations
    // leave these figures as they are).
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    for (const id of [1, 2, 3]) {
      const measured = store.segments.measured(id);
      expect(measured.length).toBeGreaterThan(0);
      expect(metricsFromTotals(store.metrics.totals(id)!)).toEqual(documentMetrics(measured));
      const rows = segments.filter((s) => s.document_id === id);
      const counts: Record<string, number> = {};
      for (const s of rows) counts[s.status as string] = (counts[s.status as string] ?? 0) + 1;
      expect(store.documents.statusCounts(id)).toEqual(counts);
      expect(store.documents.summary(id)).toMatchObject({
        segmentCount: rows.length,
        editedCount: rows.filter((s) => s.current_text !== s.mt_text).length,
        confirmedCount: rows.filter((s) => s.status === 'confirmed' || s.status === 'approved').length,
      });
    }
    const doc1 = metricsFromTotals(store.metrics.totals(1)!);
    expect(doc1).toMatchObject({ segments: 3, untouched: 1, totalEditMs: 5400, keystrokes: 37, medianEditMs: 5400 });
    expect(doc1.edits).toBeGreaterThan(0);
    expect(metricsFromTotals(store.metrics.totals(2)!).batchChanges).toEqual({ sentences: 1, steps: 2 });

    // Writes after the upgrade keep them: the triggers and the repository carry on from the filled values.
    store.transaction(() => {
      store.revisions.append(5, 'It is calm now, said a resident.', 'edit', UPGRADED_AT, { effort: { editMs: 800, keystrokes: 3 } });
      store.segments.setText(5, 'It is calm now, said a resident.', 'edited', UPGRADED_AT);
    });
    expect(metricsFromTotals(store.metrics.totals(2)!)).toEqual(documentMetrics(store.segments.measured(2)));
    expectRevisionsAppendOnly(db, { batch_id: null });
  });
});

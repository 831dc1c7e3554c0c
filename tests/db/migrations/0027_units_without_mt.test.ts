import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { storedFigures } from '../../../core/metrics/storedFigures';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { metricsService } from '../../../services/metricsService';
import { NOW } from '../testDb';
import { appliedVersions, expectRevisionsAppendOnly, expectUpgraded, snapshot, storeAt, upgradeTo, UPGRADED_AT } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 27);

let db: Database.Database;
afterEach(() => db.close());

/**
 * Two units of document 1 that came without MT: one translated (with typing time), one still empty. As
 * release 26 stored them, the translated one's figures are those of a 100 % HTER rewrite.
 */
function addUnitsWithoutMt(release26: boolean): { translated: number; empty: number } {
  const position = (db.prepare('SELECT MAX(position) FROM segments WHERE document_id = 1').pluck().get() as number) + 1;
  const insert = db.prepare(
    `INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, source_text, trailing, updated_at,
       ter_edits, ter_ref_words, ter_insertions, hter_band, rewritten, char_edits, char_length, target_words)
     VALUES (1, ?, ?, '', ?, 'Исходный текст.', '\n', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const add = (at: number, text: string) => {
    const f = storedFigures('', text);
    // Release 26's figures of a unit without MT: every word inserted, the top band, rewritten.
    const band = release26 && text !== '' ? 7 : f.band;
    const rewritten = release26 && text !== '' ? 1 : Number(f.rewritten);
    return Number(
      insert.run(at, at, text, NOW, f.edits, f.refWords, f.insertions, band, rewritten, f.charEdits, f.charLength, f.targetWords).lastInsertRowid,
    );
  };
  const translated = add(position, 'Four words typed here.');
  const empty = add(position + 1, '');
  db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at, edit_ms) VALUES (?, 'Four words typed here.', 'edit', ?, 40000)").run(translated, NOW);
  return { translated, empty };
}

describe('migration 0027: units without MT reported apart', () => {
  it('takes them out of HTER, the bands and the rewritten count, and counts them, changing nothing else', () => {
    db = storeAt(5);
    upgradeTo(db, BEFORE);
    const { translated } = addUnitsWithoutMt(true);
    const before = snapshot(db);
    const rewrittenBefore = db.prepare('SELECT rewritten_count FROM documents WHERE id = 1').pluck().get() as number;
    expect(rewrittenBefore).toBeGreaterThan(0);

    upgradeTo(db, BEFORE + 1);

    const after = snapshot(db);
    // Only the translated unit's band and rewritten mark, and the documents' totals, change.
    const strip = (s: typeof before) => ({
      ...s,
      segments: s.segments!.map((row) => (row.id === translated ? { ...row, hter_band: null, rewritten: 0 } : row)),
      documents: s.documents!.map(({ ter_edits: _e, ter_ref_words: _r, ter_insertions: _i, ter_deletions: _d, ter_substitutions: _s, ter_shifts: _h, rewritten_count: _w, no_mt_count: _1, no_mt_translated: _2, no_mt_words: _3, no_mt_ms: _4, empty_count: _5, ...rest }) => rest),
      hter_band_counts: undefined,
    });
    const { hter_band_counts: _bandsBefore, ...keptBefore } = strip(before);
    const { hter_band_counts: _bandsAfter, ...keptAfter } = strip(after);
    expectUpgraded(keptBefore as typeof before, keptAfter as typeof after, {}, {});
    expect(appliedVersions(db).at(-1)).toEqual({ version: 27, name: 'units_without_mt', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});

    // The kept totals are what measuring every sentence gives, for every document (read by today's store).
    upgradeTo(db, MIGRATIONS.length);
    const metrics = metricsService(createStore(db));
    for (const id of db.prepare('SELECT id FROM documents WHERE importing = 0').pluck().all() as number[]) {
      expect(metrics.document(id), `document ${id}`).toEqual(metrics.recompute(id));
    }
    expect(metrics.document(1).withoutMt).toEqual({ segments: 2, translated: 1, words: 5, editMs: 40_000 });
    expect(metrics.document(1).rewritten).toBe(rewrittenBefore - 1);
    // The units with no text, counted: the empty one added here.
    const empty = db.prepare("SELECT id, (SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id AND s.current_text = '') AS n, empty_count AS kept FROM documents d").all() as Array<{ n: number; kept: number }>;
    expect(empty.map((row) => row.kept)).toEqual(empty.map((row) => row.n));
    expect(empty[0]!.kept).toBe(1);
  });

  it('keeps them apart through writes: a unit translated and emptied again', () => {
    db = storeAt(5);
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    const metrics = metricsService(store);
    const { empty } = addUnitsWithoutMt(false);
    const check = () => expect(metrics.document(1)).toEqual(metrics.recompute(1));
    // A save as the store writes it: the revision, then the text with its figures.
    const save = (text: string, status: 'edited' | 'not_started') => {
      db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (?, ?, 'edit', ?)").run(empty, text, UPGRADED_AT);
      store.segments.setText(empty, text, status, UPGRADED_AT);
    };
    check();
    save('Now it is translated.', 'edited');
    check();
    expect(metrics.document(1).withoutMt).toMatchObject({ segments: 2, translated: 2 });
    save('', 'not_started');
    check();
    expect(metrics.document(1).withoutMt).toMatchObject({ segments: 2, translated: 1 });
  });
});

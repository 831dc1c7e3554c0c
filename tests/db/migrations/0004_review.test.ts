import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  db = storeAt(3);
  before = snapshot(db);
  upgradeTo(db, 4);
});
afterEach(() => db.close());

/** The sentences whose MT, correction, source or note match, as the search repository's MATCH sees them. */
const found = (match: string) =>
  (
    db.prepare('SELECT rowid AS id FROM segment_search WHERE segment_search MATCH ? ORDER BY rowid').all(match) as Array<{
      id: number;
    }>
  ).map((r) => r.id);

describe('migration 0004: upgrading a store written before the review workflow', () => {
  it('keeps every row, old revisions with no recorded status, documents on the default pass mark', () => {
    expect(before.batches).toHaveLength(2);
    const segments = before.segments ?? [];
    expectUpgraded(
      before,
      snapshot(db),
      { revisions: { status: null, reason: null }, documents: { quality_threshold: 99 } },
      {
        notes: [],
        annotations: [],
        exports: [],
        // Every sentence already stored is indexed: MT, current text, source ('' for none), no note yet.
        segment_search: segments.map((s) => ({
          _rowid: s.id,
          mt: s.mt_text,
          target: s.current_text,
          source: s.source_text ?? '',
          note: '',
          document_id: s.document_id,
        })),
      },
    );
    // The statuses the sentences had are kept on the sentences themselves.
    expect(db.prepare('SELECT id, status FROM segments ORDER BY id').all()).toEqual([
      { id: 1, status: 'edited' },
      { id: 2, status: 'confirmed' },
      { id: 3, status: 'not_started' },
      { id: 4, status: 'edited' },
      { id: 5, status: 'not_started' },
    ]);
    expect(appliedVersions(db).at(-1)).toEqual({ version: 4, name: 'review', appliedAt: UPGRADED_AT });
  });

  it('finds old sentences by their MT, their correction and their source', () => {
    expect(found('Tokayev')).toEqual([2]);
    expect(found('"In the afternoon, President"')).toEqual([2]);
    expect(found('target: afternoon')).toEqual([2]);
    expect(found('source: Алма')).toEqual([3]);
    expect(found('largest city')).toEqual([4]);
  });

  it('keeps the index of old sentences current as they are edited, noted and deleted', () => {
    db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (3, 'The Almaty airport was seized.', 'edit', 1)")
      .run();
    db.prepare("UPDATE segments SET current_text = 'The Almaty airport was seized.' WHERE id = 3").run();
    expect(found('target: seized')).toEqual([3]);

    db.prepare("INSERT INTO notes (segment_id, text, updated_at) VALUES (5, 'Quote opened, never closed', 1)").run();
    expect(found('note: closed')).toEqual([5]);
    db.prepare('DELETE FROM notes WHERE segment_id = 5').run();
    expect(found('note: closed')).toEqual([]);

    db.prepare('DELETE FROM documents WHERE id = 2').run();
    expect(found('largest')).toEqual([]);
    expect(db.prepare('SELECT rowid AS id FROM segment_search ORDER BY rowid').all()).toEqual([
      { id: 1 },
      { id: 2 },
      { id: 3 },
    ]);
  });

  it('records a status change of an old sentence, with a reason, and notes and errors against it', () => {
    db.prepare(
      "INSERT INTO revisions (segment_id, text, origin, created_at, status, reason) VALUES (1, ?, 'status', 1, 'rejected', 'Tone')",
    ).run('The situation in Kazakhstan remains tense.');
    expect(() =>
      db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at, status) VALUES (1, 'x', 'status', 1, 'done')").run(),
    ).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO annotations (segment_id, side, start, end, quote, category, severity, created_at)
       VALUES (2, 'mt', 0, 9, 'President', 'style', 'minor', 1)`,
    ).run();
    expect(db.prepare('SELECT comment FROM annotations').get()).toEqual({ comment: '' });
    expect(() => db.prepare('UPDATE documents SET quality_threshold = 101 WHERE id = 1').run()).toThrow(/CHECK/);
  });

  it('keeps the old history append-only, status and reason included', () => {
    expectRevisionsAppendOnly(db, { batch_id: null, status: 'approved', reason: 'Looks fine' });
  });
});

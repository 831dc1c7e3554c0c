import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replayUndoStacks, type StepEntry } from '../../../core/model/undoStacks';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { NOW } from '../testDb';
import { appliedVersions, expectRevisionsAppendOnly, expectUpgraded, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 24);

let db: Database.Database;
let before: Snapshot;

/** The stacks as the store keeps them: done in id order, the redo stack in the order its steps were undone. */
const kept = (documentId: number) => ({
  done: db.prepare("SELECT id FROM batches WHERE document_id = ? AND stack = 'done' ORDER BY id").pluck().all(documentId),
  undone: db
    .prepare("SELECT id, undone_by AS undoneBy FROM batches WHERE document_id = ? AND stack = 'undone' ORDER BY undone_by")
    .all(documentId),
});
/** The stacks replayed from every step of the document, as undo and redo worked them out before. */
const replayed = (documentId: number) =>
  replayUndoStacks(db.prepare('SELECT id, kind, undoes FROM batches WHERE document_id = ? ORDER BY id').all(documentId) as StepEntry[]);

const step = (documentId: number, kind: string, undoes: number | null = null) =>
  Number(
    db
      .prepare('INSERT INTO batches (document_id, kind, label, undoes, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(documentId, kind, `${kind} ${undoes ?? ''}`, undoes, NOW)
      .lastInsertRowid,
  );

afterEach(() => db.close());

describe('migration 0024: undo and redo stacks kept on the steps', () => {
  beforeEach(() => {
    // The releases' store: document 2 holds a replace-all (batch 1) and its undo (batch 2).
    db = storeAt(5);
    upgradeTo(db, BEFORE);
    before = snapshot(db);
    upgradeTo(db, BEFORE + 1);
  });

  it('fills the stacks of the steps stored, keeping every other row', () => {
    const { batches, ...rest } = before;
    const after = snapshot(db);
    expectUpgraded(rest, { ...after, batches: [] }, {}, { batches: [] });
    // The replace-all is on the redo stack, put there by its undo; the undo is on neither.
    expect(after.batches).toEqual([
      { ...batches![0], stack: 'undone', undone_by: 2 },
      { ...batches![1], stack: null, undone_by: null },
    ]);
    expect(kept(2)).toEqual({ done: [], undone: [{ id: 1, undoneBy: 2 }] });
    expect(appliedVersions(db).at(-1)).toEqual({ version: 24, name: 'undo_stacks', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  });

  it('keeps the stacks as steps are stored: an action clears the redo stack, undo and redo move their step', () => {
    upgradeTo(db, MIGRATIONS.length); // the repositories are the latest release's
    const store = createStore(db);
    const edit = store.batches.insert(1, 'edit', 'Edit sentence 1', NOW + 1);
    const fix = store.batches.insert(1, 'fix', 'Fix all', NOW + 2);
    expect(kept(1)).toEqual({ done: [edit, fix], undone: [] });
    const undoFix = store.batches.insert(1, 'undo', 'Undo: Fix all', NOW + 3, fix);
    const undoEdit = store.batches.insert(1, 'undo', 'Undo: Edit', NOW + 4, edit);
    expect(kept(1)).toEqual({ done: [], undone: [{ id: fix, undoneBy: undoFix }, { id: edit, undoneBy: undoEdit }] });
    expect(store.batches.top(1, 'undone')).toBe(edit);
    const redo = store.batches.insert(1, 'redo', 'Redo: Edit', NOW + 5, edit);
    expect(kept(1)).toEqual({ done: [redo], undone: [{ id: fix, undoneBy: undoFix }] });
    expect([store.batches.top(1, 'done'), store.batches.top(1, 'undone')]).toEqual([redo, fix]);
    // Another document's redo stack is its own.
    expect(kept(2)).toEqual({ done: [], undone: [{ id: 1, undoneBy: 2 }] });
    store.batches.insert(1, 'status', 'Confirm sentence 2', NOW + 6);
    expect(kept(1).undone).toEqual([]);
    expect(kept(1)).toEqual(replayed(1));
    expect(kept(2)).toEqual(replayed(2));
  });

  it('deletes a document with many steps at once, not a scan of the store per step (the undoes index)', () => {
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM batches WHERE undoes = ?').all(1) as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING (COVERING )?INDEX batches_undoes/);
    const topPlan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM batches WHERE document_id = ? AND stack = 'done' ORDER BY id DESC LIMIT 1")
      .all(1) as Array<{ detail: string }>;
    expect(topPlan.map((row) => row.detail).join(' ')).toMatch(/INDEX batches_done/);
    expect(topPlan.map((row) => row.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
  });
});

describe('migration 0024 on a long history', () => {
  it('fills each document’s stacks as the replay of its steps gives them', () => {
    db = storeAt(5);
    upgradeTo(db, BEFORE);
    // Document 1: edits, undos part way down, a redo, an undo of the redo, a new action (clearing the redo
    // stack), then two undos, the second from below the top. Document 2 keeps its replace-all and undo from the releases.
    const a = step(1, 'edit');
    const b = step(1, 'fix');
    const c = step(1, 'replace');
    step(1, 'undo', c);
    step(1, 'undo', b);
    const redoB = step(1, 'redo', b);
    step(1, 'undo', redoB);
    const s = step(1, 'status');
    const d = step(1, 'edit');
    step(1, 'undo', d);
    step(1, 'undo', a);
    upgradeTo(db, BEFORE + 1);
    expect(kept(1)).toEqual(replayed(1));
    // The undo of `a` took it from under the status change, which stays done.
    expect(kept(1).done).toEqual([s]);
    expect(kept(1).undone.map((entry) => (entry as { id: number }).id)).toEqual([d, a]);
    expect(kept(2)).toEqual(replayed(2));
  });
});

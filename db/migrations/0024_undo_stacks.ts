import type { Database } from 'better-sqlite3';
import { replayUndoStacks, type StepEntry } from '../../core/model/undoStacks';

/**
 * Each document's undo and redo stacks, kept on its steps (batches): `stack` says which one a step is on, and
 * `undone_by` orders the redo stack (the undo that put the step there). Every save is a step, so a book's
 * history runs to hundreds of thousands of them; the stacks were replayed from all of them on each undo, redo
 * and after every save (the undo bar asks): about 1 ms per 1,000 steps.
 *
 * Kept by triggers on each step stored: an action is done and clears the redo stack; an undo moves its target to
 * the redo stack; a redo takes its target off it and is done. `fill` replays the steps already stored.
 *
 * An index on `undoes` too: a step deleted (its document's deletion cascades) had SQLite scan every step of the
 * store for one that undid it, the foreign key's check — 20,000 steps took 5 s to delete.
 */
export default /* sql */ `
ALTER TABLE batches ADD COLUMN stack TEXT CHECK (stack IN ('done', 'undone'));
ALTER TABLE batches ADD COLUMN undone_by INTEGER;

CREATE INDEX batches_undoes ON batches (undoes) WHERE undoes IS NOT NULL;
CREATE INDEX batches_done ON batches (document_id, id) WHERE stack = 'done';
CREATE INDEX batches_undone ON batches (document_id, undone_by) WHERE stack = 'undone';

CREATE TRIGGER batches_stack_action AFTER INSERT ON batches WHEN NEW.kind NOT IN ('undo', 'redo')
BEGIN
  UPDATE batches SET stack = NULL, undone_by = NULL WHERE document_id = NEW.document_id AND stack = 'undone';
  UPDATE batches SET stack = 'done' WHERE id = NEW.id;
END;

CREATE TRIGGER batches_stack_undo AFTER INSERT ON batches WHEN NEW.kind = 'undo'
BEGIN
  UPDATE batches SET stack = 'undone', undone_by = NEW.id WHERE id = NEW.undoes;
END;

CREATE TRIGGER batches_stack_redo AFTER INSERT ON batches WHEN NEW.kind = 'redo'
BEGIN
  UPDATE batches SET stack = NULL, undone_by = NULL WHERE id = NEW.undoes AND stack = 'undone';
  UPDATE batches SET stack = 'done' WHERE id = NEW.id;
END;
`;

/** The stacks of the steps stored before, replayed document by document. */
export function fill(db: Database): void {
  const done = db.prepare("UPDATE batches SET stack = 'done' WHERE id = ?");
  const undone = db.prepare("UPDATE batches SET stack = 'undone', undone_by = ? WHERE id = ?");
  const steps = db.prepare('SELECT id, kind, undoes FROM batches WHERE document_id = ? ORDER BY id');
  for (const documentId of db.prepare('SELECT DISTINCT document_id FROM batches').pluck().all() as number[]) {
    const stacks = replayUndoStacks(steps.iterate(documentId) as Iterable<StepEntry>);
    for (const id of stacks.done) done.run(id);
    for (const { id, undoneBy } of stacks.undone) undone.run(undoneBy, id);
  }
}

import type { Database } from 'better-sqlite3';
import type { Batch, BatchKind } from '../../core/model/batch';

// size: kept by the revisions' triggers (migration 0025), not a COUNT of the step's revisions on each ask.
const COLUMNS = `
  b.id, b.document_id AS documentId, b.kind, b.label, b.undoes, b.created_at AS createdAt,
  b.size,
  (SELECT u.id FROM batches u WHERE u.undoes = b.id ORDER BY u.id DESC LIMIT 1) AS undoneBy`;

export function batchesRepository(db: Database) {
  const insert = db.prepare(
    'INSERT INTO batches (document_id, kind, label, undoes, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const relabel = db.prepare('UPDATE batches SET label = ? WHERE id = ?');
  const backOnDone = db.prepare("UPDATE batches SET stack = 'done', undone_by = NULL WHERE id = ?");
  const byId = db.prepare(`SELECT ${COLUMNS} FROM batches b WHERE b.id = ?`);
  // The stacks are kept by the store's triggers (migration 0024); each top is one step of an index.
  const doneTop = db.prepare("SELECT id FROM batches WHERE document_id = ? AND stack = 'done' ORDER BY id DESC LIMIT 1").pluck();
  const undoneTop = db
    .prepare("SELECT id FROM batches WHERE document_id = ? AND stack = 'undone' ORDER BY undone_by DESC LIMIT 1")
    .pluck();
  const doneBelow = db
    .prepare("SELECT id FROM batches WHERE document_id = ? AND stack = 'done' AND id < ? ORDER BY id DESC LIMIT 1")
    .pluck();
  const undoneBelow = db
    .prepare(
      "SELECT id FROM batches WHERE document_id = ? AND stack = 'undone' AND undone_by < (SELECT undone_by FROM batches WHERE id = ?) ORDER BY undone_by DESC LIMIT 1",
    )
    .pluck();
  const stackOf = db.prepare('SELECT stack FROM batches WHERE id = ?').pluck();
  const last = db.prepare('SELECT id, kind, undoes FROM batches WHERE document_id = ? ORDER BY id DESC LIMIT 1');

  return {
    insert(documentId: number, kind: BatchKind, label: string, at: number, undoes: number | null = null): number {
      return Number(insert.run(documentId, kind, label, undoes, at).lastInsertRowid);
    },
    /** A bulk step's label, once it is known how many sentences it wrote. */
    relabel(id: number, label: string): void {
      relabel.run(label, id);
    },
    /** Puts a step back where undo finds it: an undo of it was cut short, and undo is to restore the rest. */
    backOnDone(id: number): void {
      backOnDone.run(id);
    },
    get(id: number): Batch | undefined {
      return byId.get(id) as Batch | undefined;
    },
    /** The document's latest batch (its last step, whatever undo and redo did before it). */
    last(documentId: number): Pick<Batch, 'id' | 'kind' | 'undoes'> | undefined {
      return last.get(documentId) as Pick<Batch, 'id' | 'kind' | 'undoes'> | undefined;
    },
    /** The step undo (`done`) or redo (`undone`) would take next in a document, if any. */
    top(documentId: number, stack: 'done' | 'undone'): number | undefined {
      return (stack === 'done' ? doneTop : undoneTop).get(documentId) as number | undefined;
    },
    /** The step under `batchId` on a document's stack: the one undo (or redo) would take after it. */
    below(documentId: number, stack: 'done' | 'undone', batchId: number): number | undefined {
      return (stack === 'done' ? doneBelow : undoneBelow).get(documentId, batchId) as number | undefined;
    },
    /** Which of its document's stacks a step is on: `done` (undo may take it), `undone` (redo may), or none. */
    stackOf(batchId: number): 'done' | 'undone' | null {
      return (stackOf.get(batchId) as 'done' | 'undone' | null | undefined) ?? null;
    },
  };
}

export type BatchesRepository = ReturnType<typeof batchesRepository>;

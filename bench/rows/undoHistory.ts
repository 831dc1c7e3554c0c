/**
 * The undo bar in a book with a long history. Every save is a step of its own, so a book whose every sentence
 * was saved once holds as many steps as sentences. The book is given that history: one edit step per sentence,
 * written as rows by a connection of the bench's own, as the saves would leave them (their revisions left out:
 * the undo bar reads the steps). Then the window's read after each save, `documents.undoState`, is timed through
 * the IPC handlers, beside the stacks replayed from every step of the document — how it was answered before
 * migration 0024 kept them on the steps.
 */
import Database from 'better-sqlite3';
import { replayUndoStacks, type StepEntry } from '../../core/model/undoStacks';
import { benchHandlers } from '../handlers';
import { medianMs } from '../stats';
import type { RowModule } from '../table';

const RUNS = 50;

const undoHistory: RowModule = {
  order: 76,
  async rows({ services, documentId, sentences, storePath, nativeBinding }) {
    const db = new Database(storePath, nativeBinding ? { nativeBinding } : {});
    try {
      const insert = db.prepare("INSERT INTO batches (document_id, kind, label, created_at) VALUES (?, 'edit', ?, ?)");
      db.transaction(() => {
        for (let k = 1; k <= sentences; k++) insert.run(documentId, `Edit sentence ${k}`, Date.now());
      })();
      const handlers = benchHandlers(services);
      const state = () => handlers['documents.undoState']({ documentId });
      const kept = medianMs(() => void state(), RUNS, 5);
      const steps = db.prepare('SELECT id, kind, undoes FROM batches WHERE document_id = ? ORDER BY id');
      const top = db.prepare('SELECT id, label FROM batches WHERE id = ?');
      const replayed = medianMs(() => {
        const { done, undone } = replayUndoStacks(steps.iterate(documentId) as Iterable<StepEntry>);
        for (const id of [done.at(-1), undone.at(-1)?.id]) if (id !== undefined) top.get(id);
      }, Math.min(RUNS, 10), 2);
      const total = db.prepare('SELECT count(*) FROM batches WHERE document_id = ?').pluck().get(documentId) as number;
      return [
        {
          key: 'undo-state',
          label: "the undo bar after a save (documents.undoState), a step per sentence in the book's history",
          value: kept,
          unit: 'ms',
          baseline: { label: 'replayed from every step', value: replayed, about: 'the stacks replayed from all the document’s steps, as before migration 0024' },
          note: `${total.toLocaleString('en-US')} steps`,
        },
      ];
    } finally {
      db.close();
    }
  },
};

export default undoHistory;

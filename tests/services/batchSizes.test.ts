import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { batchService } from '../../services/batchService';
import { documentService } from '../../services/documentService';
import { segmentService } from '../../services/segmentService';
import { fixedClock, openMemoryDatabase } from '../db/testDb';

/**
 * The size of a step (how many revisions it wrote) is kept on its row by the revisions' triggers (migration 0025):
 * after any sequence of writes it is what counting the step's revisions from scratch gives.
 */
describe('batch sizes kept by the writes', () => {
  const sentence = fc.nat(5);
  const text = fc.constantFrom('x', 'y', 'z', '');
  const op = fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), doc: fc.nat(1), i: sentence, text, continues: fc.boolean() }),
    fc.record({ kind: fc.constant('status' as const), doc: fc.nat(1), i: sentence, s: fc.constantFrom('confirmed' as const, 'approved' as const) }),
    fc.record({ kind: fc.constant('revert' as const), doc: fc.nat(1), i: sentence }),
    fc.record({ kind: fc.constant('batch' as const), doc: fc.nat(1), pick: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), text }),
    fc.record({ kind: fc.constant('undo' as const), doc: fc.nat(1) }),
    fc.record({ kind: fc.constant('redo' as const), doc: fc.nat(1) }),
    // The last sentences of a document going with their revisions, as a deletion takes them a few at a time.
    fc.record({ kind: fc.constant('trim' as const), doc: fc.nat(1), count: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('delete' as const), doc: fc.nat(1) }),
  );

  it('equals a from-scratch count of each step’s revisions after any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const db = openMemoryDatabase();
        const store = createStore(db);
        const documents = documentService(store, fixedClock);
        const segments = segmentService(store, fixedClock);
        const batches = batchService(store, segments, fixedClock);
        const kept = db.prepare('SELECT id, size FROM batches ORDER BY id');
        const counted = db.prepare('SELECT b.id, (SELECT COUNT(*) FROM revisions r WHERE r.batch_id = b.id) AS size FROM batches b ORDER BY b.id');
        try {
          const docs = ['One. Two. Three. Four. Five. Six.', 'Uno. Dos. Tres. Cuatro. Cinco. Seis.'].map(
            (body, k) => documents.importText({ fileName: `${k}.txt`, text: body, hasBom: false }).id,
          );
          const ids = (doc: number) => store.segments.page(docs[doc]!, 0, 10).map((s) => s.id);
          for (const o of ops) {
            const present = store.documents.summary(docs[o.doc]!) !== undefined;
            const sentences = present ? ids(o.doc) : [];
            const id = 'i' in o ? sentences[o.i % Math.max(sentences.length, 1)] : undefined;
            try {
              if (o.kind === 'edit' && id !== undefined) segments.update(id, o.text, {}, o.continues);
              else if (o.kind === 'status' && id !== undefined) segments.setStatus(id, o.s);
              else if (o.kind === 'revert' && id !== undefined) segments.revert(id);
              else if (o.kind === 'undo' && present) batches.undoLast(docs[o.doc]!);
              else if (o.kind === 'redo' && present) batches.redoLast(docs[o.doc]!);
              else if (o.kind === 'trim' && present) store.transaction(() => store.segments.removeSome(docs[o.doc]!, o.count));
              else if (o.kind === 'delete' && present) documents.remove(docs[o.doc]!);
              else if (o.kind === 'batch' && present) {
                const chosen = store.segments.page(docs[o.doc]!, 0, 10).filter((_, k) => o.pick[k]);
                batches.apply(docs[o.doc]!, 'replace', 'Replace', 'replace', chosen.map((s) => ({ segmentId: s.id, before: s.currentText, after: o.text })));
              }
            } catch (error) {
              expect((error as Error).name).toBe('RedlineError'); // nothing to undo, nothing to change …
            }
            expect(kept.all()).toEqual(counted.all());
          }
          for (const { id, size } of counted.all() as Array<{ id: number; size: number }>) expect(batches.get(id).size).toBe(size);
        } finally {
          store.close();
        }
      }),
      { numRuns: 50 },
    );
  });
});

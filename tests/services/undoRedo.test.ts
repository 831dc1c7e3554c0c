import fc from 'fast-check';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { replayUndoStacks, type StepEntry } from '../../core/model/undoStacks';
import { createServices } from '../../services';
import { FIXED_TIME, openTestServices, SAMPLE } from '../electron/support';

describe('undo and redo', () => {
  it('undoes and redoes edits, status changes and batches one step at a time, across a restart', () => {
    const { services, databaseFile, clock } = openTestServices();
    const doc = services.openSample(SAMPLE);
    const [a, b] = services.segments.page(doc.id, 0, 2).items;
    services.segments.setStatus(a!.id, 'confirmed');
    services.segments.update(b!.id, 'B edited.');
    services.batches.apply(doc.id, 'replace', 'Replace', 'replace', [
      { segmentId: a!.id, before: a!.currentText, after: 'A replaced.' },
      { segmentId: b!.id, before: 'B edited.', after: 'B replaced.' },
    ]);
    expect(services.batches.state(doc.id).undo?.label).toBe('Replace');

    services.batches.undoLast(doc.id); // the batch, as one step
    expect(services.segments.get(a!.id)).toMatchObject({ currentText: a!.mtText, status: 'confirmed' });
    expect(services.segments.get(b!.id).currentText).toBe('B edited.');
    services.close();

    // A new session on the same file: the stacks are in the store.
    clock.now = FIXED_TIME + 60_000;
    const again = createServices(databaseFile, { clock: () => clock.now, nativeBinding: nodeNativeBinding() });
    try {
      expect(again.batches.state(doc.id)).toMatchObject({ undo: { label: 'Edit sentence 2' }, redo: { label: 'Replace' } });
      again.batches.undoLast(doc.id); // the edit
      expect(again.segments.get(b!.id)).toMatchObject({ currentText: b!.mtText, status: 'not_started' });
      again.batches.undoLast(doc.id); // the confirmation
      expect(again.segments.get(a!.id).status).toBe('not_started');
      expect(() => again.batches.undoLast(doc.id)).toThrow(/nothing to undo/);

      again.batches.redoLast(doc.id);
      again.batches.redoLast(doc.id);
      again.batches.redoLast(doc.id);
      expect(again.segments.get(a!.id)).toMatchObject({ currentText: 'A replaced.', status: 'edited' });
      expect(again.segments.get(b!.id).currentText).toBe('B replaced.');
      expect(() => again.batches.redoLast(doc.id)).toThrow(/nothing to redo/);

      // A new action clears what could be redone.
      again.batches.undoLast(doc.id);
      again.segments.update(a!.id, 'Something else.');
      expect(again.batches.state(doc.id).redo).toBeNull();
    } finally {
      again.close();
    }
  });

  it('restores any earlier revision as a new one, and rejects need a reason', () => {
    const { services } = openTestServices();
    const doc = services.openSample(SAMPLE);
    const s = services.segments.page(doc.id, 0, 1).items[0]!;
    services.segments.update(s.id, 'First.');
    services.segments.update(s.id, 'Second.');
    const [imported] = services.segments.history(s.id);
    services.segments.restore(s.id, imported!.id);
    expect(services.segments.history(s.id).map((r) => [r.origin, r.text])).toEqual([
      ['import', s.mtText],
      ['edit', 'First.'],
      ['edit', 'Second.'],
      ['restore', s.mtText],
    ]);
    expect(() => services.segments.setStatus(s.id, 'rejected', ' ')).toThrow(/why/);
    expect(services.segments.setStatus(s.id, 'rejected', 'Wrong city')).toMatchObject({ status: 'rejected' });
    expect(services.segments.history(s.id).at(-1)).toMatchObject({ origin: 'status', reason: 'Wrong city' });
  });

  it('keeps revisions append-only, the current state equal to the last revision and the stacks equal to their replay, whatever the sequence', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), i: fc.nat(3), text: fc.constantFrom('x', 'y', 'z', '') }),
      fc.record({ kind: fc.constant('status' as const), i: fc.nat(3), s: fc.constantFrom('confirmed' as const, 'approved' as const) }),
      fc.record({ kind: fc.constant('batch' as const), text: fc.constantFrom('B1', 'B2') }),
      fc.record({ kind: fc.constant('undo' as const) }),
      fc.record({ kind: fc.constant('redo' as const) }),
      fc.record({ kind: fc.constant('revert' as const), i: fc.nat(3) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const { services, databaseFile } = openTestServices();
        const doc = services.documents.importText({ fileName: 'p.txt', text: 'One. Two. Three. Four.' });
        const ids = services.segments.page(doc.id, 0, 4).items.map((s) => s.id);
        const raw = new Database(databaseFile, { readonly: true, nativeBinding: nodeNativeBinding() });
        const rows = () => raw.prepare('SELECT * FROM revisions ORDER BY id').all();
        // The stacks the store keeps (migration 0024) against their replay from every step, as they were read before.
        const stacks = () => {
          const replayed = replayUndoStacks(raw.prepare('SELECT id, kind, undoes FROM batches WHERE document_id = ? ORDER BY id').all(doc.id) as StepEntry[]);
          const state = services.batches.state(doc.id);
          return {
            kept: { undo: state.undo?.id ?? null, redo: state.redo?.id ?? null },
            replayed: { undo: replayed.done.at(-1) ?? null, redo: replayed.undone.at(-1)?.id ?? null },
          };
        };
        try {
          let before = rows();
          for (const o of ops) {
            try {
              if (o.kind === 'edit') services.segments.update(ids[o.i]!, o.text);
              else if (o.kind === 'status') services.segments.setStatus(ids[o.i]!, o.s);
              else if (o.kind === 'revert') services.segments.revert(ids[o.i]!);
              else if (o.kind === 'undo') services.batches.undoLast(doc.id);
              else if (o.kind === 'redo') services.batches.redoLast(doc.id);
              else {
                const current = services.segments.page(doc.id, 0, 4).items;
                services.batches.apply(doc.id, 'replace', 'B', 'replace', current.map((s) => ({ segmentId: s.id, before: s.currentText, after: o.text })));
              }
            } catch (error) {
              expect((error as Error).name).toBe('RedlineError'); // nothing to undo, nothing changed …
            }
            const after = rows();
            expect(after.slice(0, before.length)).toEqual(before); // append-only
            before = after;
            const { kept, replayed } = stacks();
            expect(kept).toEqual(replayed);
          }
          for (const id of ids) {
            const segment = services.segments.get(id);
            const last = services.segments.history(id).at(-1)!;
            expect(segment.currentText).toBe(last.text);
            expect(segment.status).toBe(last.status);
          }
        } finally {
          raw.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

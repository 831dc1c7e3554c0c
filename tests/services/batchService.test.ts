import { describe, expect, it } from 'vitest';
import { actionOf } from '../../core/model/batch';
import { RedlineError } from '../../core/model/errors';
import { openTestServices, SAMPLE } from '../electron/support';

function setup() {
  const ctx = openTestServices();
  const doc = ctx.services.openSample(SAMPLE);
  const [a, b, c] = ctx.services.segments.page(doc.id, 0, 3).items;
  return { ...ctx, doc, a: a!, b: b!, c: c! };
}

describe('batches', () => {
  it('writes many sentences as one step, each with one revision in the batch', () => {
    const { services, doc, a, b } = setup();
    const outcome = services.batches.apply(doc.id, 'fix', 'Fix all: Spacing (2)', 'fix', [
      { segmentId: a.id, before: a.currentText, after: 'A.' },
      { segmentId: b.id, before: b.currentText, after: 'B.' },
    ]);
    expect(outcome.segments.map((s) => s.currentText)).toEqual(['A.', 'B.']);
    expect(outcome.batch).toMatchObject({ kind: 'fix', label: 'Fix all: Spacing (2)', size: 2, undoneBy: null });
    for (const id of [a.id, b.id]) {
      expect(services.segments.history(id).at(-1)).toMatchObject({ origin: 'fix', batchId: outcome.batch.id });
    }
  });

  it('leaves a sentence that changed after the preview alone', () => {
    const { services, doc, a, b } = setup();
    services.segments.update(b.id, 'Edited meanwhile.');
    const outcome = services.batches.apply(doc.id, 'fix', 'Fix', 'fix', [
      { segmentId: a.id, before: a.currentText, after: 'A.' },
      { segmentId: b.id, before: b.currentText, after: 'B.' },
    ]);
    expect(outcome.skipped).toBe(1);
    expect(services.segments.get(b.id).currentText).toBe('Edited meanwhile.');
  });

  it('undoes a batch as one step, with restore revisions, and only once', () => {
    const { services, doc, a, b, c } = setup();
    services.segments.update(a.id, 'A typed.');
    const applied = services.batches.apply(doc.id, 'propagated', 'Apply', 'propagated', [
      { segmentId: a.id, before: 'A typed.', after: 'A fixed.' },
      { segmentId: b.id, before: b.currentText, after: 'B fixed.' },
      { segmentId: c.id, before: c.currentText, after: 'C fixed.' },
    ]);
    services.segments.update(c.id, 'C edited after the batch.');

    const undone = services.batches.undo(applied.batch.id);
    expect(undone.batch).toMatchObject({ kind: 'undo', undoes: applied.batch.id, label: 'Undo: Apply' });
    expect(undone.skipped).toBe(1); // c changed since: it keeps the newer text
    expect(services.segments.get(a.id).currentText).toBe('A typed.');
    expect(services.segments.get(b.id).currentText).toBe(b.mtText);
    expect(services.segments.get(c.id).currentText).toBe('C edited after the batch.');
    expect(services.segments.history(b.id).map((r) => r.origin)).toEqual(['import', 'propagated', 'restore']);
    // The history says the restore was an undo.
    expect(services.segments.history(b.id).map((r) => r.step)).toEqual([undefined, undefined, 'undo']);
    expect(services.batches.get(applied.batch.id).undoneBy).toBe(undone.batch.id);
    expect(() => services.batches.undo(applied.batch.id)).toThrow(/already undone/);
  });

  it('names undos and redos by the action, however often it goes back and forth', () => {
    const { services, doc, a } = setup();
    services.batches.apply(doc.id, 'fix', 'Fix: Spacing', 'fix', [{ segmentId: a.id, before: a.currentText, after: 'A.' }]);
    const labels: string[] = [];
    for (let k = 0; k < 2; k++) {
      labels.push(services.batches.undoLast(doc.id).batch.label);
      labels.push(services.batches.redoLast(doc.id).batch.label);
    }
    expect(labels).toEqual(['Undo: Fix: Spacing', 'Redo: Fix: Spacing', 'Undo: Fix: Spacing', 'Redo: Fix: Spacing']);
    expect(services.segments.history(a.id).map((r) => r.step ?? r.origin)).toEqual(['import', 'fix', 'undo', 'redo', 'undo', 'redo']);
    expect(actionOf(services.batches.state(doc.id).undo!.label)).toBe('Fix: Spacing');
  });

  it('refuses an empty change list, a foreign segment, and an unknown batch without writing anything', () => {
    const { services, doc, a } = setup();
    const other = services.openSample(SAMPLE);
    const foreign = services.segments.page(other.id, 0, 1).items[0]!;
    expect(() => services.batches.apply(doc.id, 'fix', 'x', 'fix', [])).toThrow(RedlineError);
    expect(() =>
      services.batches.apply(doc.id, 'fix', 'x', 'fix', [
        { segmentId: a.id, before: a.currentText, after: 'A.' },
        { segmentId: foreign.id, before: foreign.currentText, after: 'F.' },
      ]),
    ).toThrow(/not part of document/);
    expect(services.segments.get(a.id).currentText).toBe(a.mtText); // the whole batch rolled back
    expect(services.batches.state(doc.id)).toEqual({ undo: null, redo: null });
    expect(() => services.batches.undo(999)).toThrow(RedlineError);
  });
});

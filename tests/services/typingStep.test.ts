import { describe, expect, it } from 'vitest';
import { openTestServices } from '../electron/support';

/** A sentence's typing between entering and leaving it: one undo step, each pause still its own revision. */
describe('typing in a sentence as one step', () => {
  function setup() {
    const { services } = openTestServices();
    const { id } = services.documents.importText({ fileName: 't.txt', text: 'One is here. Two is here.\n\nThree.' });
    return { services, documentId: id };
  }

  it('joins continued saves to the first one: several revisions, one undo back to the text before the typing', () => {
    const { services, documentId } = setup();
    services.segments.update(1, 'One is here!');
    services.segments.update(1, 'One is there', {}, false); // a new visit: its own step
    services.segments.update(1, 'One is there now', {}, true);
    services.segments.update(1, 'One is there now.', { editMs: 900, keystrokes: 4 }, true);
    expect(services.segments.history(1).filter((r) => r.origin === 'edit')).toHaveLength(4);

    const undone = services.batches.undoLast(documentId);
    expect(undone.segments.map((s) => s.currentText)).toEqual(['One is here!']);
    expect(services.segments.get(1)).toMatchObject({ currentText: 'One is here!', status: 'edited' });
    services.batches.undoLast(documentId);
    expect(services.segments.get(1)).toMatchObject({ currentText: 'One is here.', status: 'not_started' });

    services.batches.redoLast(documentId);
    services.batches.redoLast(documentId);
    expect(services.segments.get(1).currentText).toBe('One is there now.');
  });

  it('starts a new step when anything else was done since the last save', () => {
    const { services, documentId } = setup();
    services.segments.update(1, 'One A.');
    services.segments.update(2, 'Two B.', {}, true); // another sentence's last step: not joined
    services.segments.update(1, 'One AB.', {}, true); // the last step is sentence 2's
    services.segments.setStatus(1, 'confirmed');
    services.segments.update(1, 'One ABC.', {}, true); // a status change came between
    services.batches.undoLast(documentId);
    services.segments.update(1, 'One ABD.', {}, true); // an undo came between
    expect(services.batches.state(documentId).undo?.label).toBe('Edit sentence 1');

    services.batches.undoLast(documentId);
    expect(services.segments.get(1).currentText).toBe('One AB.');
    services.batches.undoLast(documentId); // the confirmation
    services.batches.undoLast(documentId);
    expect(services.segments.get(1).currentText).toBe('One A.');
    expect(services.segments.get(2).currentText).toBe('Two B.');
  });

  it('goes past a typing step that ended where it began, to the step before it, and redo puts both back', () => {
    const { services, documentId } = setup();
    services.segments.update(2, 'Two is there.'); // an older step
    services.segments.update(1, 'One is here. x', {}, false); // typed, saved at a pause
    services.segments.update(1, 'One is here.', {}, true); // taken back, saved at the next pause: joined
    // The next undo is the older step's, not one that would change nothing.
    expect(services.batches.state(documentId).undo?.label).toBe('Edit sentence 2');
    const undone = services.batches.undoLast(documentId);
    expect(undone.segments.map((s) => s.currentText)).toEqual(['Two is here.']);
    expect(undone.batch.label).toBe('Undo: Edit sentence 2');
    expect(services.segments.get(1).currentText).toBe('One is here.');
    expect(services.batches.state(documentId).undo).toBeNull();
    // One redo applies the older step again, and the empty one goes back on the stack with it.
    expect(services.batches.state(documentId).redo?.label).toBe('Edit sentence 2');
    services.batches.redoLast(documentId);
    expect(services.segments.get(2).currentText).toBe('Two is there.');
    expect(services.batches.state(documentId).redo).toBeNull();
    expect(services.batches.state(documentId).undo?.label).toBe('Redo: Edit sentence 2');
    expect(services.segments.get(1).currentText).toBe('One is here.');
    // No revision was written for the empty step either way.
    expect(services.segments.history(1).map((r) => r.text)).toEqual(['One is here.', 'One is here. x', 'One is here.']);
  });

  it('has nothing to undo when the only step left ends where it began (no "Undo (0 sentences)")', () => {
    const { services, documentId } = setup();
    services.segments.update(1, 'One is here. x', {}, false);
    services.segments.update(1, 'One is here.', {}, true);
    expect(services.batches.state(documentId).undo).toBeNull();
    expect(() => services.batches.undoLast(documentId)).toThrow(expect.objectContaining({ code: 'nothing_to_do', message: 'There is nothing to undo.' }));
    expect(services.batches.state(documentId).redo).toBeNull();
    expect(() => services.batches.redoLast(documentId)).toThrow(expect.objectContaining({ code: 'nothing_to_do', message: 'There is nothing to redo.' }));
    // A step below it is still taken, past it, and redone past it.
    services.segments.update(2, 'Two.', {}, false);
    services.segments.update(1, 'One is here. y', {}, false);
    services.segments.update(1, 'One is here.', {}, true);
    expect(services.batches.state(documentId).undo?.label).toBe('Edit sentence 2');
    expect(services.batches.undoLast(documentId).segments.map((s) => s.id)).toEqual([2]);
    expect(services.batches.state(documentId).undo).toBeNull();
    expect(services.batches.state(documentId).redo?.label).toBe('Edit sentence 2');
    expect(services.batches.redoLast(documentId).segments.map((s) => s.id)).toEqual([2]);
    expect(services.batches.state(documentId).redo).toBeNull();
  });

  it('goes past however many steps that end where they began, and takes those at the bottom off the stack', () => {
    const { services, documentId } = setup();
    for (let k = 0; k < 3; k++) {
      services.segments.update(1, `One is here. ${k}`, {}, false);
      services.segments.update(1, 'One is here.', {}, true);
    }
    expect(() => services.batches.undoLast(documentId)).toThrow('There is nothing to undo.');
    services.segments.update(2, 'Two.', {}, false);
    for (let k = 0; k < 60; k++) {
      services.segments.update(1, `One is here. ${k}`, {}, false);
      services.segments.update(1, 'One is here.', {}, true);
    }
    expect(services.batches.undoLast(documentId).segments.map((s) => s.id)).toEqual([2]);
    expect(services.batches.state(documentId).undo).toBeNull();
    expect(() => services.batches.undoLast(documentId)).toThrow('There is nothing to undo.');
    expect(services.batches.redoLast(documentId).segments.map((s) => s.id)).toEqual([2]);
    expect(services.batches.state(documentId).redo).toBeNull();
  });

  it('joins the field’s undo of a sentence’s typing to that typing’s step, though other sentences were edited since', () => {
    const { services, documentId } = setup();
    services.segments.update(2, 'Two is there.'); // the step before
    services.segments.update(1, 'One is here, x.', {}, false); // sentence 1's typing
    services.segments.update(3, 'Three!', {}, false); // another sentence edited since
    // Back in sentence 1, its field's undo takes the typing back: saved into the typing's step.
    services.segments.update(1, 'One is here.', {}, false, true);
    expect(services.segments.get(1).currentText).toBe('One is here.');
    // Undo takes back sentence 3, goes past sentence 1's step (it ends where it began), then takes back sentence 2.
    services.batches.undoLast(documentId);
    expect(services.segments.get(3).currentText).toBe('Three.');
    expect(services.batches.undoLast(documentId).segments.map((s) => s.position)).toEqual([2]);
    expect(services.segments.get(1).currentText).toBe('One is here.');
    expect(services.batches.state(documentId).undo).toBeNull();
  });

  it('joins a field’s undo back through two visits’ typing to each visit’s step, and its redo likewise', () => {
    const { services, documentId } = setup();
    services.segments.update(2, 'Two is there.'); // the step before
    services.segments.update(1, 'One is here, a.', {}, false); // first visit
    services.segments.update(3, 'Three!', {}, false); // another sentence between the visits
    services.segments.update(1, 'One is here, a, b.', {}, false); // second visit: a step of its own
    // The field takes both visits' typing back, one Ctrl+Z each: each save joins the step it takes back.
    services.segments.update(1, 'One is here, a.', {}, false, true);
    services.segments.update(1, 'One is here.', {}, false, true);
    // Ctrl+Y twice puts them back, each into its own step again; Ctrl+Z twice takes them back once more.
    services.segments.update(1, 'One is here, a.', {}, false, true);
    services.segments.update(1, 'One is here, a, b.', {}, false, true);
    services.segments.update(1, 'One is here, a.', {}, false, true);
    services.segments.update(1, 'One is here.', {}, false, true);
    // Both visits' steps end where they began: the document's undo takes back sentence 3, then sentence 2.
    services.batches.undoLast(documentId);
    expect(services.segments.get(3).currentText).toBe('Three.');
    expect(services.segments.get(1).currentText).toBe('One is here.');
    services.batches.undoLast(documentId);
    expect(services.segments.get(2).currentText).toBe('Two is here.');
    expect(services.segments.get(1).currentText).toBe('One is here.');
    expect(services.batches.state(documentId).undo).toBeNull();
  });

  it('writes the field’s undo as a step of its own when the sentence’s typing is no longer undo’s to take', () => {
    const { services, documentId } = setup();
    services.segments.update(1, 'One is here, x.', {}, false);
    services.segments.setStatus(1, 'confirmed'); // the sentence's last revision is not its typing
    services.segments.update(1, 'One is here.', {}, false, true);
    expect(services.batches.state(documentId).undo?.label).toBe('Edit sentence 1');
    services.batches.undoLast(documentId);
    expect(services.segments.get(1)).toMatchObject({ currentText: 'One is here, x.', status: 'confirmed' });
  });

  it('keeps stored flags current on a joined save', () => {
    const { services, documentId } = setup();
    const spacing = () =>
      services.checks.document(documentId).segments.find((s) => s.position === 3)?.flags.filter((f) => f.check === 'spacing').length ?? 0;
    services.segments.update(3, 'Three  spaces.');
    expect(spacing()).toBe(1);
    services.segments.update(3, 'Three  spaces  twice.', {}, true);
    expect(spacing()).toBe(2);
    services.segments.update(3, 'Three spaces twice.', {}, true);
    expect(spacing()).toBe(0);
  });
});

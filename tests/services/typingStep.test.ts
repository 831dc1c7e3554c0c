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

  it('undoes a typing step that ended where it began, so the step leaves the stack and older steps stay reachable', () => {
    const { services, documentId } = setup();
    services.segments.update(2, 'Two is there.'); // an older step
    services.segments.update(1, 'One is here. x', {}, false); // typed, saved at a pause
    services.segments.update(1, 'One is here.', {}, true); // deleted again, saved at the next pause: joined
    const undone = services.batches.undoLast(documentId);
    expect(undone.segments).toEqual([]);
    expect(services.segments.get(1).currentText).toBe('One is here.');
    expect(services.batches.state(documentId).undo?.label).toBe('Edit sentence 2');
    services.batches.undoLast(documentId);
    expect(services.segments.get(2).currentText).toBe('Two is here.');
    services.batches.redoLast(documentId);
    services.batches.redoLast(documentId); // the empty step again: no revision, the stack moves on
    expect(services.batches.state(documentId).redo).toBeNull();
    expect(services.segments.get(1).currentText).toBe('One is here.');
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

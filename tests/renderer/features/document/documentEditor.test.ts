import { describe, expect, it, vi } from 'vitest';
import type { Effort } from '../../../../core/model/revision';
import type { Segment } from '../../../../core/model/segment';
import { DocumentEditor, type EditorBackend } from '../../../../renderer/features/document/documentEditor';

const segment = (position: number, currentText = `MT ${position}.`): Segment => ({
  id: position * 10,
  documentId: 1,
  position,
  paragraph: 1,
  mtText: `MT ${position}.`,
  currentText,
  sourceText: null,
  status: currentText === `MT ${position}.` ? 'not_started' : 'edited',
  revisionCount: 1,
  editMs: 0,
  keystrokes: 0,
  note: null,
  fileNotes: [],
  locked: false,
  lockedBy: null,
  updatedAt: 0,
});

/** A fake backend (this is a unit test of the renderer's state, not of the store). */
function backend(saveFails = false) {
  const saves: Array<{ id: number; text: string; effort: Effort }> = [];
  const continued: boolean[] = [];
  const restored: boolean[] = [];
  const api: EditorBackend = {
    fetchPage: async (offset, limit) => ({
      total: 3,
      items: [1, 2, 3].slice(offset, offset + limit).map((p) => segment(p)),
    }),
    save: async (id, text, effort, continues, restores) => {
      if (saveFails) throw new Error('offline');
      saves.push({ id, text, effort });
      continued.push(continues);
      restored.push(restores);
      return { ...segment(id / 10, text), editMs: effort.editMs, keystrokes: effort.keystrokes };
    },
    revert: async (id) => segment(id / 10),
  };
  return { api, saves, continued, restored };
}

async function loaded(editor: DocumentEditor) {
  editor.pages.ensure([0, 1, 2]);
  await vi.waitFor(() => expect(editor.pages.at(2)).toBeDefined());
}

/** An editor whose sentence at `index` was typed in: its "MT n." became "MT n.x", recorded by its field and saved. */
async function typedIn(index: number) {
  const parts = backend();
  const editor = new DocumentEditor(parts.api, 0, () => 0);
  await loaded(editor);
  const s = editor.pages.at(index)!;
  const history = editor.historyOf(s.id);
  editor.activity(s, false);
  const mt = `MT ${index + 1}.`;
  history.record(mt, `${mt}x`, 0, mt.length + 1);
  editor.change(s, `${mt}x`);
  await editor.flush();
  return { ...parts, editor, s, history };
}

describe('DocumentEditor', () => {
  it('tells what each change landed, as the sentences now stored: each save, a revert, a bulk change at once', async () => {
    const { api } = backend();
    const editor = new DocumentEditor(api, 0, () => 0);
    await loaded(editor);
    const heard: Array<Array<[number, string]>> = [];
    const stop = editor.onLanded((segments) => heard.push(segments.map((s) => [s.position, s.currentText])));
    editor.change(editor.pages.at(0)!, 'Typed.');
    await editor.flush();
    await editor.revert(editor.pages.at(0)!);
    editor.applied([segment(2, 'Fixed 2.'), segment(3, 'Fixed 3.')]);
    expect(heard).toEqual([[[1, 'Typed.']], [[1, 'MT 1.']], [[2, 'Fixed 2.'], [3, 'Fixed 3.']]]);
    stop();
    editor.applied([segment(2, 'Again.')]);
    expect(heard).toHaveLength(3);
  });

  it('saves the typing of a visit as one step: later saves continue the first, even one landing after leaving', async () => {
    const { api, continued } = backend();
    const editor = new DocumentEditor(api, 0, () => 0);
    await loaded(editor);
    const s = editor.pages.at(0)!;
    const t = editor.pages.at(1)!;
    editor.activity(s, false);
    editor.change(s, 'A');
    await editor.flush();
    editor.change(s, 'AB');
    await editor.flush();
    editor.change(s, 'ABC');
    editor.leave(s); // the last pause's text is saved after the field is left
    await editor.flush();
    editor.activity(t, false);
    editor.change(t, 'other');
    await editor.flush();
    editor.leave(t);
    editor.activity(s, false); // back in the first sentence: a new visit, a new step
    editor.change(s, 'ABCD');
    await editor.flush();
    editor.leave(s);
    editor.change(s, 'MT 1.'); // a change outside any visit (a command): a step of its own
    await editor.flush();
    expect(continued).toEqual([false, true, true, false, false, false]);
  });

  it('says which saves are the field’s own undo or redo, so they join the step of the typing they take back', async () => {
    const { editor, s, history, restored } = await typedIn(0);
    editor.change(s, history.undo('MT 1.x')!.text); // Ctrl+Z in the field
    await editor.flush();
    editor.change(s, history.redo('MT 1.')!.text); // Ctrl+Y
    await editor.flush();
    editor.change(s, 'MT 1.'); // typed by hand to the undone text: not the field's undo
    await editor.flush();
    expect(restored).toEqual([false, true, true, false]);
  });

  it('names the sentence whose unsaved typing an undo would take back: not a field’s undo, nor text as stored', async () => {
    const { editor, s, history } = await typedIn(0);
    expect(editor.unsavedStep()).toBeNull(); // all stored
    editor.change(s, 'MT 1.xy');
    expect(editor.unsavedStep()?.id).toBe(s.id);
    editor.change(s, 'MT 1.x'); // typed back to the stored text: nothing to save
    expect(editor.unsavedStep()).toBeNull();
    editor.change(s, history.undo('MT 1.x')!.text); // Ctrl+Z in the field: its save ends the step where it began
    expect(editor.unsavedStep()).toBeNull();
    await editor.flush();
  });

  it('forgets a field’s typing once a step of another kind is written over it, so Ctrl+Z goes to the document', async () => {
    const { editor, history } = await typedIn(0);
    const saved = editor.pages.at(0)!;
    // Told again of the sentence as it is (no revision written since, e.g. confirming a confirmed sentence): kept.
    editor.applied([saved]);
    expect(history.isBlank()).toBe(false);
    // Confirmed (Ctrl+Enter): its text stays, but the typing is below that step now.
    editor.applied([{ ...saved, status: 'confirmed', revisionCount: saved.revisionCount + 1 }]);
    expect(history.isBlank()).toBe(true);
    expect(history.undo('MT 1.x')).toBeNull();
  });

  it('redoes the typing a field kept waiting while the document was undone, once the document has nothing to redo', async () => {
    const { editor, s: s2, history, restored } = await typedIn(1);
    const s1 = editor.pages.at(0)!;
    editor.change(s2, history.undo('MT 2.x')!.text); // Ctrl+Z in the field
    history.handOver(); // Ctrl+Z again: the document's undo (of sentence 1, say), the caret going there
    editor.activity(s1, false);
    expect(editor.redoWaiting()?.id).toBe(s2.id);
    expect(editor.textOf(editor.pages.at(1)!)).toBe('MT 2.x');
    await editor.flush();
    expect(restored.at(-1)).toBe(true); // saved into the typing's step again
    expect(editor.redoWaiting()).toBeNull(); // once
    // Typing elsewhere meanwhile is a step of its own: nothing waits any more.
    editor.activity(s2, false);
    editor.change(s2, history.undo('MT 2.x')!.text);
    history.handOver();
    editor.change(s1, 'MT 1. typed');
    expect(editor.redoWaiting()).toBeNull();
  });

  it('tells who shows it when typing starts or stops waiting to be redone, and forgets it once typed over', async () => {
    const { editor, s, history } = await typedIn(1);
    let told = 0;
    const stop = editor.subscribeWaitingRedo(() => told++);
    editor.change(s, history.undo('MT 2.x')!.text); // Ctrl+Z in the field
    expect(editor.waitingRedoOf()).toBeNull();
    history.handOver(); // Ctrl+Z again: the document's
    expect(editor.waitingRedoOf()?.id).toBe(s.id);
    expect(told).toBe(1);
    // Typed in its own sentence again: the field's history dropped what was undone, so nothing waits.
    history.record('MT 2.', 'MT 2.y', 0, 6);
    editor.change(s, 'MT 2.y');
    expect(editor.waitingRedoOf()).toBeNull();
    expect(told).toBe(2);
    expect(editor.redoWaiting()).toBeNull();
    stop();
  });

  it('keeps a field’s undone typing waiting when the document’s undo is asked from the toolbar or Ctrl+Shift+Z', async () => {
    const { editor, s, history } = await typedIn(1);
    editor.change(s, history.undo('MT 2.x')!.text); // Ctrl+Z in the field
    editor.handOverTyping(s); // then the document's undo, not by the field's Ctrl+Z
    expect(editor.waitingRedoOf()?.id).toBe(s.id);
    expect(editor.redoWaiting()?.id).toBe(s.id);
    expect(editor.textOf(s)).toBe('MT 2.x');
  });

  it('measures the change made on leaving a sentence from what a bulk change put in it meanwhile', async () => {
    const { api } = backend();
    const editor = new DocumentEditor(api, 0, () => 0);
    await loaded(editor);
    const s = editor.pages.at(1)!;
    editor.activity(s, false); // entered with "MT 2."
    editor.applied([segment(2, 'Fixed 2.')]); // e.g. a fix applied to every sentence, this one among them
    editor.change(s, 'Fixed two.');
    expect(editor.leave(s)).toEqual({ before: 'Fixed 2.', after: 'Fixed two.' });
  });

  it('keeps the field undo of a sentence typed in however many rows are drawn after it', async () => {
    const { api } = backend();
    const editor = new DocumentEditor(api, 0, () => 0);
    const typed = editor.historyOf(20);
    typed.record('MT 2.', 'MT 2.x', 0, 6);
    // Scrolling draws rows, each asking for its history: none of them recorded anything.
    for (let id = 1000; id < 1300; id++) editor.historyOf(id);
    expect(editor.historyOf(20)).toBe(typed);
    expect(editor.historyOf(20).undo('MT 2.x')?.text).toBe('MT 2.');
  });

  it('saves the time between keystrokes (idle gaps excluded) and the keystrokes with the text', async () => {
    let now = 0;
    const { api, saves } = backend();
    const editor = new DocumentEditor(api, 0, () => now);
    await loaded(editor);
    const s = editor.pages.at(0)!;
    editor.activity(s, false); // focus at 0
    now = 2_000;
    editor.activity(s, true);
    now = 2_000 + 120_000; // back from a break: not counted
    editor.activity(s, true);
    now += 500;
    editor.activity(s, true);
    editor.change(s, 'Fixed 1.');
    expect(editor.unsavedEffort(s.id)).toEqual({ editMs: 2_500, keystrokes: 3 });
    await editor.flush();
    expect(saves).toEqual([{ id: s.id, text: 'Fixed 1.', effort: { editMs: 2_500, keystrokes: 3 } }]);
    expect(editor.unsavedEffort(s.id)).toEqual({ editMs: 0, keystrokes: 0 });
    expect(editor.editedCount).toBe(1);
    expect(editor.activeSegment).toMatchObject({ id: s.id, currentText: 'Fixed 1.', editMs: 2_500 });
    expect(editor.savedCount).toBe(1);
  });

  it('refuses to go on with a sentence whose typed text could not be saved (its status must not change)', async () => {
    const { api } = backend(true);
    const editor = new DocumentEditor(api, 0, () => 0);
    await loaded(editor);
    const s = editor.pages.at(0)!;
    await expect(editor.flushSaved(s)).resolves.toBeUndefined(); // nothing typed
    editor.change(s, 'Typed 1.');
    await expect(editor.flushSaved(s)).rejects.toThrow('Sentence 1 is not saved yet (offline): its status was left as it was.');
    editor.dispose();
  });

  it('keeps the effort for the retry when a save fails', async () => {
    let now = 0;
    const { api } = backend(true);
    const editor = new DocumentEditor(api, 0, () => now);
    await loaded(editor);
    const s = editor.pages.at(1)!;
    editor.activity(s, false);
    now = 1_000;
    editor.activity(s, true);
    editor.change(s, 'Fixed 2.');
    await editor.flush();
    expect(editor.unsavedEffort(s.id)).toEqual({ editMs: 1_000, keystrokes: 1 });
    expect(editor.textOf(s)).toBe('Fixed 2.');
    editor.dispose();
  });

  it('counts edited sentences up on an edit and down on a revert', async () => {
    const { api } = backend();
    const editor = new DocumentEditor(api, 0);
    await loaded(editor);
    const s = editor.pages.at(2)!;
    editor.change(s, 'Fixed 3.');
    await editor.flush();
    expect(editor.editedCount).toBe(1);
    await editor.revert(editor.pages.at(2)!);
    expect(editor.editedCount).toBe(0);
    expect(editor.textOf(editor.pages.at(2)!)).toBe('MT 3.');
  });

  it('tells a keystroke to what shows that sentence only, never to the whole screen', async () => {
    const { api } = backend();
    const editor = new DocumentEditor(api, 0, () => 0);
    await loaded(editor);
    const [first, second] = [editor.pages.at(0)!, editor.pages.at(1)!];
    let screen = 0;
    editor.subscribe(() => screen++);
    const heard: string[] = [];
    const stopFirst = editor.subscribeText(first.id, () => heard.push(`first: ${editor.textOf(first)}`));
    editor.subscribeText(second.id, () => heard.push('second'));
    editor.activity(first, false); // entering a sentence changes the screen (the active row)
    const screenAfterEntering = screen;
    editor.change(first, 'T');
    editor.change(first, 'Ty');
    expect(heard).toEqual(['first: T', 'first: Ty']);
    expect(screen).toBe(screenAfterEntering);
    // A revert and a bulk change drop the unsaved text: the rows showing it hear of it.
    await editor.revert(first);
    editor.applied([segment(2, 'Fixed 2.')]);
    expect(heard).toEqual(['first: T', 'first: Ty', 'first: MT 1.', 'second']);
    stopFirst();
    editor.change(first, 'Again');
    expect(heard).toHaveLength(4);
    editor.dispose();
  });

  it('reads the rows held again after a write it was not sent, taking those that changed as landed', async () => {
    const stored = new Map([1, 2, 3].map((p) => [p, segment(p)]));
    const api: EditorBackend = {
      fetchPage: async (offset, limit) => ({ total: 3, items: [1, 2, 3].slice(offset, offset + limit).map((p) => stored.get(p)!) }),
      save: async () => {
        throw new Error('not saved here');
      },
      revert: async (id) => segment(id / 10),
    };
    const editor = new DocumentEditor(api, 0, () => 0);
    await loaded(editor);
    const heard: Array<Array<[number, string]>> = [];
    editor.onLanded((segments) => heard.push(segments.map((s) => [s.position, s.currentText])));
    const third: string[] = [];
    editor.subscribeText(30, () => third.push(editor.textOf(editor.pages.at(2)!)));
    // A bulk change wrote sentences 1 and 3 before failing; the window was told only that it failed.
    stored.set(1, { ...segment(1, 'Fixed 1.'), revisionCount: 2 });
    stored.set(3, { ...segment(3, 'Fixed 3.'), revisionCount: 2 });
    // An answer older than the row held (read before a save of it landed): no more revisions than held, not taken.
    stored.set(2, { ...segment(2, 'Older 2.'), revisionCount: 1 });
    await editor.reload();
    expect(heard).toEqual([[[1, 'Fixed 1.'], [3, 'Fixed 3.']]]);
    expect([editor.pages.at(0)?.currentText, editor.pages.at(1)?.currentText]).toEqual(['Fixed 1.', 'MT 2.']);
    expect(third).toEqual(['Fixed 3.']);
    expect(editor.editedCount).toBe(2);
    await editor.reload(); // nothing changed since: nothing heard
    expect(heard).toHaveLength(1);
    editor.dispose();
  });
});

import { describe, expect, it } from 'vitest';
import { heldTyping, type InputEventLike, type TypingTarget } from '../../../../renderer/features/document/heldTyping';

const FIELD = { field: true };
const OTHER = { field: false };

/** A document that dispatches typed input to its listeners, and what was typed into it in the end. */
function fakeDocument() {
  const listeners = new Set<(event: InputEventLike) => void>();
  const typed: string[] = [];
  /** Whether the field with the keyboard takes typing (not a read-only one). */
  const field = { writable: true };
  const target: TypingTarget = {
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    typeIntoFocusedField: (text) => field.writable && typed.push(text) > 0,
  };
  /** Types into `on`: whether the input went through (nobody prevented it). */
  const input = (inputType: string, data: string | null, on: unknown = FIELD, transfer?: string): boolean => {
    let prevented = false;
    const dataTransfer = transfer === undefined ? null : { getData: () => transfer };
    for (const listener of listeners) listener({ inputType, data, dataTransfer, target: on, preventDefault: () => (prevented = true) });
    return !prevented;
  };
  return { target, typed, input, field, listening: () => listeners.size };
}

const isField = (element: unknown) => (element as { field?: boolean }).field === true;

/** A clock for the hold's time limit: `pass()` runs what is due. */
function fakeLater() {
  const due: Array<() => void> = [];
  return {
    later: (_ms: number, run: () => void) => {
      due.push(run);
      return () => void due.splice(due.indexOf(run), 1);
    },
    pass: () => due.splice(0).forEach((run) => run()),
  };
}

describe('heldTyping', () => {
  it('holds what is typed into a field while the caret is on its way, and types it where it stops', () => {
    const doc = fakeDocument();
    const held = heldTyping(doc.target, isField);
    expect(doc.input('insertText', 'a')).toBe(true); // no hold: typing goes through
    held.hold();
    expect(doc.input('insertText', 'Z')).toBe(false);
    expect(doc.input('insertText', 'u')).toBe(false);
    // A line break would act on the sentence being left: dropped.
    expect(doc.input('insertLineBreak', null)).toBe(false);
    // An input method's composition cannot be held (Chromium types it all the same): let through.
    expect(doc.input('insertCompositionText', 'ü')).toBe(true);
    // Input elsewhere (a dialog's field, say) is not the hold's business.
    expect(doc.input('insertText', 'x', OTHER)).toBe(true);
    expect(doc.typed).toEqual([]);
    held.release();
    expect(doc.typed).toEqual(['Zu']);
    expect(doc.listening()).toBe(0);
    expect(doc.input('insertText', 'b')).toBe(true);
  });

  it('nests: quick presses chain, and what was typed goes in once, when the last ends', () => {
    const doc = fakeDocument();
    const held = heldTyping(doc.target, isField);
    held.hold();
    doc.input('insertText', 'A');
    held.hold();
    doc.input('insertText', 'B');
    held.release();
    expect(doc.typed).toEqual([]);
    expect(doc.input('insertText', 'C')).toBe(false);
    held.release();
    expect(doc.typed).toEqual(['ABC']);
    held.release(); // one release too many changes nothing
    expect(doc.typed).toEqual(['ABC']);
    expect(doc.listening()).toBe(0);
  });

  it('keeps a paste, and takes deleting from what it holds (a deletion with nothing held is dropped)', () => {
    const doc = fakeDocument();
    const held = heldTyping(doc.target, isField);
    held.hold();
    expect(doc.input('deleteContentBackward', null)).toBe(false);
    doc.input('insertText', 'ab');
    doc.input('deleteContentBackward', null);
    doc.input('insertFromPaste', null, FIELD, ' Almaty 🏔');
    doc.input('deleteContentBackward', null);
    doc.input('insertText', ' is');
    doc.input('deleteWordBackward', null);
    held.release();
    expect(doc.typed).toEqual(['a Almaty  ']); // Ctrl+Backspace took the word, not the space before it
  });

  it('ends by itself after its time, typing what it held; cancelled, it types nothing', () => {
    const doc = fakeDocument();
    const clock = fakeLater();
    const held = heldTyping(doc.target, isField, clock.later);
    held.hold();
    held.hold();
    doc.input('insertText', 'Z');
    clock.pass();
    expect(doc.typed).toEqual(['Z']);
    expect(doc.listening()).toBe(0);
    held.release(); // the steps' own releases, later: nothing more
    held.release();
    expect(doc.typed).toEqual(['Z']);
    held.hold();
    doc.input('insertText', 'Y');
    held.cancel();
    clock.pass();
    expect(doc.typed).toEqual(['Z']);
    expect(doc.listening()).toBe(0);
  });

  it('types nothing when nothing was typed on the way', () => {
    const doc = fakeDocument();
    const held = heldTyping(doc.target, isField);
    held.hold();
    held.release();
    expect(doc.typed).toEqual([]);
  });

  it('counts the input it holds as keystrokes where its text is typed, once it is; none for a field that takes none, none when cancelled', () => {
    const doc = fakeDocument();
    const counted: number[] = [];
    const held = heldTyping(doc.target, isField, undefined, (keys) => void counted.push(keys));
    expect(held.keystroke()).toBe(false); // no hold: the field counts its own keystroke
    held.hold();
    expect(held.keystroke()).toBe(true); // a key in the field left behind: not its keystroke
    for (const key of ['Z', 'u', 'x']) doc.input('insertText', key);
    doc.input('deleteContentBackward', null); // a Backspace: a keystroke too, which takes back what it held
    doc.input('insertCompositionText', 'ü'); // not held, so not counted here
    expect(counted).toEqual([]);
    held.release();
    expect(doc.typed).toEqual(['Zu']);
    expect(counted).toEqual([4]);
    expect(held.keystroke()).toBe(false);
    // Cancelled, or typed into a field that takes nothing: no keystroke is counted anywhere.
    held.hold();
    doc.input('insertText', 'Y');
    held.cancel();
    doc.field.writable = false;
    held.hold();
    doc.input('insertText', 'W');
    held.release();
    held.hold();
    held.release(); // a hold with nothing typed tells nothing
    expect(counted).toEqual([4]);
  });
});

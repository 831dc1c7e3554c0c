import { describe, expect, it } from 'vitest';
import { heldTyping, type InputEventLike, type TypingTarget } from '../../../../renderer/features/document/heldTyping';

const FIELD = { field: true };
const OTHER = { field: false };

/** A document that dispatches typed input to its listeners, and what was typed into it in the end. */
function fakeDocument() {
  const listeners = new Set<(event: InputEventLike) => void>();
  const typed: string[] = [];
  const target: TypingTarget = {
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    typeIntoFocusedField: (text) => void typed.push(text),
  };
  /** Types into `on`: whether the input went through (nobody prevented it). */
  const input = (inputType: string, data: string | null, on: unknown = FIELD): boolean => {
    let prevented = false;
    for (const listener of listeners) listener({ inputType, data, target: on, preventDefault: () => (prevented = true) });
    return !prevented;
  };
  return { target, typed, input, listening: () => listeners.size };
}

const isField = (element: unknown) => (element as { field?: boolean }).field === true;

describe('heldTyping', () => {
  it('holds what is typed into a field while the caret is on its way, and types it where it stops', () => {
    const doc = fakeDocument();
    const held = heldTyping(doc.target, isField);
    expect(doc.input('insertText', 'a')).toBe(true); // no hold: typing goes through
    held.hold();
    expect(doc.input('insertText', 'Z')).toBe(false);
    expect(doc.input('insertText', 'u')).toBe(false);
    // Deleting or a line break would act on the sentence being left: dropped.
    expect(doc.input('deleteContentBackward', null)).toBe(false);
    expect(doc.input('insertLineBreak', null)).toBe(false);
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

  it('types nothing when nothing was typed on the way', () => {
    const doc = fakeDocument();
    const held = heldTyping(doc.target, isField);
    held.hold();
    held.release();
    expect(doc.typed).toEqual([]);
  });
});

/**
 * Ctrl+Enter confirms the sentence and sends the caret to the next one still to review, once the store has
 * answered twice (the status written, the next sentence found): a key typed meanwhile went into the sentence just
 * confirmed and made it edited again. While the caret is on its way, text typed into a field is held instead,
 * and typed where the caret stops. Holds nest (quick presses chain): the text goes in when the last one ends.
 */

/** The part of a document the hold needs (a fake one in tests). */
export interface TypingTarget {
  addEventListener(type: 'beforeinput', listener: (event: InputEventLike) => void, capture: boolean): void;
  removeEventListener(type: 'beforeinput', listener: (event: InputEventLike) => void, capture: boolean): void;
  /** Types `text` into the field that has the keyboard, as typing would (its input event, its undo). */
  typeIntoFocusedField(text: string): void;
}

export interface InputEventLike {
  readonly inputType: string;
  readonly data: string | null;
  readonly target: unknown;
  preventDefault(): void;
}

export function heldTyping(target: TypingTarget, isField: (element: unknown) => boolean) {
  let holds = 0;
  let held = '';
  const hold = (event: InputEventLike) => {
    if (!isField(event.target)) return;
    // Nothing reaches the field on the way: text is kept for where the caret stops, deleting and line breaks
    // (which would act on the sentence being left) are dropped.
    event.preventDefault();
    if (event.inputType === 'insertText' && event.data) held += event.data;
  };
  return {
    /** Holds typing from now until the matching `release`. */
    hold(): void {
      if (holds++ === 0) target.addEventListener('beforeinput', hold, true);
    },
    /** Ends a hold; the last one types what was held into the field the caret is in now. */
    release(): void {
      if (holds === 0 || --holds > 0) return;
      target.removeEventListener('beforeinput', hold, true);
      const text = held;
      held = '';
      if (text) target.typeIntoFocusedField(text);
    },
  };
}

/** The window's document as a TypingTarget: the field with the keyboard gets the text through the browser's own typing. */
export function documentTypingTarget(doc: Document = document): TypingTarget {
  return {
    addEventListener: (type, listener, capture) => doc.addEventListener(type, listener as unknown as EventListener, capture),
    removeEventListener: (type, listener, capture) => doc.removeEventListener(type, listener as unknown as EventListener, capture),
    typeIntoFocusedField(text) {
      if (!(doc.activeElement instanceof HTMLTextAreaElement) || doc.activeElement.readOnly) return;
      // The one way to type into a field as the keyboard does: an input event its handlers hear, and its own undo.
      doc.execCommand('insertText', false, text);
    },
  };
}

export const isTextField = (element: unknown): boolean => typeof HTMLTextAreaElement !== 'undefined' && element instanceof HTMLTextAreaElement;

export type HeldTyping = ReturnType<typeof heldTyping>;

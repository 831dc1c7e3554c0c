/**
 * Ctrl+Enter confirms the sentence and sends the caret to the next one still to review, once the store has
 * answered twice (the status written, the next sentence found): a key typed meanwhile went into the sentence just
 * confirmed and made it edited again. While the caret is on its way, text typed into a field is held instead,
 * and typed where the caret stops. Holds nest (quick presses chain): the text goes in when the last one ends.
 * An input method's composition cannot be cancelled (Chromium types it whatever its beforeinput says): it is not
 * held. A hold ends by itself after HOLD_MS, should the store never answer. Keys pressed in a field while a hold
 * lasts are not the sentence being left's (`keystroke`); the input the hold takes counts, a keystroke each, in the
 * sentence its text is typed into (`onKeystrokes`).
 */

/** The longest a hold lasts: the caret waits at most 1.5 s for its row (reviewSteps.ts), the store seldom 1 s. */
export const HOLD_MS = 5000;

/** The part of a document the hold needs (a fake one in tests). */
export interface TypingTarget {
  addEventListener(type: 'beforeinput', listener: (event: InputEventLike) => void, capture: boolean): void;
  removeEventListener(type: 'beforeinput', listener: (event: InputEventLike) => void, capture: boolean): void;
  /** Types `text` into the field that has the keyboard, as typing would (its input event, its undo): whether it could. */
  typeIntoFocusedField(text: string): boolean;
}

export interface InputEventLike {
  readonly inputType: string;
  readonly data: string | null;
  /** What a paste, a drop or a spelling replacement brings (data is null for those). */
  readonly dataTransfer?: { getData(format: string): string } | null;
  readonly target: unknown;
  preventDefault(): void;
}

/** Input that brings text, and where its text is. */
const TEXT_FROM_DATA = new Set(['insertText']);
const TEXT_FROM_TRANSFER = new Set(['insertFromPaste', 'insertFromDrop', 'insertReplacementText']);

export function heldTyping(
  target: TypingTarget,
  isField: (element: unknown) => boolean,
  later: (ms: number, run: () => void) => () => void = (ms, run) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
  /** Told, once held text is typed into the field the caret stopped in, how many keystrokes made it. */
  onKeystrokes: (keys: number) => void = () => undefined,
) {
  let holds = 0;
  let held = '';
  let keys = 0;
  let cancelTimeout: (() => void) | null = null;
  const hold = (event: InputEventLike) => {
    if (!isField(event.target) || event.inputType.startsWith('insertComposition')) return;
    // Nothing reaches the field on the way: text is kept for where the caret stops; deleting takes back what is
    // held, and else (like a line break) would act on the sentence being left, so it is dropped.
    event.preventDefault();
    keys++;
    if (TEXT_FROM_DATA.has(event.inputType)) held += event.data ?? '';
    else if (TEXT_FROM_TRANSFER.has(event.inputType)) held += event.dataTransfer?.getData('text/plain') ?? event.data ?? '';
    else if (event.inputType === 'deleteContentBackward') held = [...held].slice(0, -1).join('');
    else if (event.inputType === 'deleteWordBackward') held = held.replace(/\S*\s*$/u, '');
  };
  const end = (type: boolean) => {
    holds = 0;
    cancelTimeout?.();
    cancelTimeout = null;
    target.removeEventListener('beforeinput', hold, true);
    const text = held;
    const typedKeys = keys;
    held = '';
    keys = 0;
    if (type && text && target.typeIntoFocusedField(text) && typedKeys > 0) onKeystrokes(typedKeys);
  };
  return {
    /** Holds typing from now until the matching `release` (or HOLD_MS at most). */
    hold(): void {
      if (holds++ > 0) return;
      target.addEventListener('beforeinput', hold, true);
      cancelTimeout = later(HOLD_MS, () => end(true));
    },
    /** Ends a hold; the last one types what was held into the field the caret is in now. */
    release(): void {
      if (holds === 0 || --holds > 0) return;
      end(true);
    },
    /**
     * A keystroke in a correction field: while a hold lasts it is not the field's (true), and what it types counts
     * where the held text goes; else false, and the field counts it itself.
     */
    keystroke(): boolean {
      return holds > 0;
    },
    /** Ends every hold, typing nothing (the screen is going). */
    cancel(): void {
      if (holds > 0) end(false);
    },
  };
}

/** The window's document as a TypingTarget: the field with the keyboard gets the text through the browser's own typing. */
export function documentTypingTarget(doc: Document = document): TypingTarget {
  return {
    addEventListener: (type, listener, capture) => doc.addEventListener(type, listener as unknown as EventListener, capture),
    removeEventListener: (type, listener, capture) => doc.removeEventListener(type, listener as unknown as EventListener, capture),
    typeIntoFocusedField(text) {
      if (!isCorrectionField(doc.activeElement) || (doc.activeElement as HTMLTextAreaElement).readOnly) return false;
      // The one way to type into a field as the keyboard does: the input event its handlers hear (and record).
      return doc.execCommand('insertText', false, text);
    },
  };
}

/** A sentence's correction field (a note's or a dialog's field is not the hold's business). */
export const isCorrectionField = (element: unknown): boolean =>
  typeof HTMLTextAreaElement !== 'undefined' && element instanceof HTMLTextAreaElement && element.dataset.position !== undefined;

export type HeldTyping = ReturnType<typeof heldTyping>;

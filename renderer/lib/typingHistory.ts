/**
 * The undo history of one text field, kept by the app. Chromium closes its own undo step whenever script changes
 * the page between two keys, and the live diff behind a correction changes with every key: left to itself, Ctrl+Z
 * in a correction took back one character. Here a run of typing (or of deleting) at one place is one step, as
 * in a plain text box; a pause, a jump of the caret, a paste or a replaced selection starts another.
 */
export interface FieldState {
  text: string;
  /** The selection to put back: [start, end), collapsed for a caret. */
  selection: [number, number];
}

interface Step {
  before: string;
  after: string;
  kind: 'insert' | 'delete' | 'replace';
  /**
   * The step's change as a whole: from `start`, `removed` characters of `before` became `inserted` of `after`.
   * Kept as the keys placed it, since the texts alone cannot always say (a letter typed into "aa").
   */
  start: number;
  removed: number;
  inserted: number;
  /** The caret after the step's last change, where the next key must land to join it. */
  caret: number;
  /** Whether keys may still join it: a step begun by one key typed or deleted, not a paste or a replacement. */
  open: boolean;
  at: number;
}

/** A pause this long (ms) between two keys ends a step. */
export const PAUSE_MS = 1500;
/** Steps kept per field; older ones are dropped. */
const LIMIT = 200;

export class TypingHistory {
  private readonly steps: Step[] = [];
  private readonly undone: Step[] = [];
  /** The text the last undo or redo gave back, until the field takes it (isRestored). */
  private restored: string | null = null;
  /**
   * Ctrl+Z went on to the document from this field, whose own undone steps wait: Ctrl+Y redoes the document's
   * steps first, then the field's (undo N times, redo N times, and all is back).
   */
  private waits = false;

  /**
   * `onRecord` hears each change recorded (the owner keeps the histories that have some); `onHandOver` that the
   * field's redo waits for the document's (handOver).
   */
  constructor(
    private readonly onRecord?: () => void,
    private readonly onHandOver?: () => void,
  ) {}

  /**
   * The field's text went from `before` to `after` by the editor's hand, at time `now` (ms), leaving the caret at
   * `caret` (which tells where a key went when the texts alone cannot: a doubled letter, a repeated word).
   */
  record(before: string, after: string, now: number, caret?: number): void {
    if (before === after) return;
    this.restored = null;
    this.waits = false;
    this.onRecord?.();
    const { start, removed, inserted } = changeOf(before, after, caret);
    const kind = removed === 0 ? 'insert' : inserted === 0 ? 'delete' : 'replace';
    this.undone.length = 0;
    const top = this.steps.at(-1);
    if (top && top.open && top.after === before && now - top.at <= PAUSE_MS && top.kind === kind) {
      // One key more of the same run: a character typed where the last one went, or one deleted next to the caret
      // (Backspace: just before it; Delete: just after).
      const typed = kind === 'insert' && inserted === 1 && start === top.caret;
      const backspace = kind === 'delete' && removed === 1 && start + 1 === top.caret;
      const forward = kind === 'delete' && removed === 1 && start === top.caret;
      if (typed || backspace || forward) {
        top.after = after;
        if (typed) top.inserted++;
        else top.removed++;
        if (backspace) top.start = start;
        top.caret = start + inserted;
        top.at = now;
        return;
      }
    }
    const open = (kind === 'insert' && inserted === 1) || (kind === 'delete' && removed === 1);
    this.steps.push({ before, after, kind, start, removed, inserted, caret: start + inserted, at: now, open });
    if (this.steps.length > LIMIT) this.steps.shift();
  }

  /**
   * The field as it was before its last step, or null when there is none. `current` is the field's text now:
   * when something else changed it (a revert, a replace), the steps no longer apply and are forgotten.
   */
  undo(current: string): FieldState | null {
    const top = this.steps.at(-1);
    if (!top) return null;
    if (top.after !== current) {
      this.forget();
      return null;
    }
    this.steps.pop();
    this.undone.push(top);
    this.restored = top.before;
    // What the step had removed comes back selected (nothing, for typing: the caret where it began).
    return { text: top.before, selection: [top.start, top.start + top.removed] };
  }

  /** The field as the last undone step left it, or null when there is none (or the text has changed since). */
  redo(current: string): FieldState | null {
    const step = this.undone.at(-1);
    if (!step || step.before !== current) {
      this.undone.length = 0;
      return null;
    }
    this.undone.pop();
    this.waits = false;
    this.steps.push({ ...step, open: false }); // a redone step is not continued by typing
    this.restored = step.after;
    const caret = step.start + step.inserted;
    return { text: step.after, selection: [caret, caret] };
  }

  /** Ends the current step: the next key starts another (the editor left the field and came back). */
  close(): void {
    const top = this.steps.at(-1);
    if (top) top.open = false;
  }

  /**
   * Nothing typed to undo or redo: no step kept (never typed in, or forgotten: the text changed under it, or a step
   * of another kind landed on the sentence).
   * A field whose steps were all undone is not blank: its redo is still to come.
   */
  isBlank(): boolean {
    return this.steps.length === 0 && this.undone.length === 0;
  }

  /** The field's text is not what its typing left (a document undo, a revert or a fix changed it since). */
  isStale(current: string): boolean {
    const top = this.steps.at(-1);
    return top !== undefined && top.after !== current;
  }

  /**
   * Whether `text` is what the last undo or redo gave back (asked once: the answer is used up): the field's text
   * changed by its own undo, not by typing.
   */
  isRestored(text: string): boolean {
    const restored = this.restored === text;
    this.restored = null;
    return restored;
  }

  forget(): void {
    this.steps.length = 0;
    this.undone.length = 0;
    this.restored = null;
    this.waits = false;
  }

  /** Ctrl+Z went on to the document (the field had nothing left to undo): its redo waits for the document's. */
  handOver(): void {
    if (this.undone.length === 0) return;
    this.waits = true;
    this.onHandOver?.();
  }

  /** Whether Ctrl+Y is the document's first: the field's redo waits for it (handOver). */
  redoesDocumentFirst(): boolean {
    return this.waits && this.undone.length > 0;
  }
}

/**
 * Where two texts differ: from `start`, `removed` characters of `before` became `inserted` of `after`. The
 * texts alone place a change as far right as it can go ("al" + "l" is "all" whichever "l" was typed); the caret
 * after it, when it fits, says where it really was.
 */
function changeOf(before: string, after: string, caret?: number): { start: number; removed: number; inserted: number } {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  const removed = before.length - start - end;
  const inserted = after.length - start - end;
  if (caret !== undefined) {
    const at = caret - inserted;
    if (at >= 0 && at < start && before.slice(0, at) + after.slice(at, caret) + before.slice(at + removed) === after) {
      return { start: at, removed, inserted };
    }
  }
  return { start, removed, inserted };
}

import { newEditTimer, recordAction, type EditTimer } from '../../../core/metrics';
import type { Effort } from '../../../core/model/revision';
import type { Segment } from '../../../core/model/segment';
import { TypingHistory } from '../../lib/typingHistory';
import { SaveQueue } from './saveQueue';
import { SegmentPages, type FetchPage } from './segmentPages';

export interface EditorBackend {
  fetchPage: FetchPage;
  /**
   * `continues`: the editor is still in the sentence they typed in at its last save (one undo step). `restores`:
   * the text is the field's own undo or redo, saved into the step of the typing it takes back.
   */
  save: (segmentId: number, text: string, effort: Effort, continues: boolean, restores: boolean) => Promise<Segment>;
  revert: (segmentId: number) => Promise<Segment>;
}

const isEdited = (s: Segment) => s.currentText !== s.mtText;
/** Sentences whose field undo is kept (each holds up to 200 steps of its texts). */
const HISTORIES = 100;

/**
 * The editing state of one open document, outside React: fetched pages, the editor's unsaved drafts,
 * autosave, revert, the time and keystrokes spent per segment (saved with the next revision), the segment
 * being worked on, and the count of edited sentences kept current as saves land.
 */
export class DocumentEditor {
  readonly pages: SegmentPages;
  readonly queue: SaveQueue;
  private readonly drafts = new Map<number, string>();
  private readonly histories = new Map<number, TypingHistory>();
  private readonly timers = new Map<number, EditTimer>();
  /** The text each sentence had when the editor entered it: what a correction is measured from. */
  private readonly entered = new Map<number, string>();
  private readonly listeners = new Set<() => void>();
  /** Who shows a sentence's text: told when the editor types in it, so a keystroke re-renders that row only. */
  private readonly textListeners = new Map<number, Set<() => void>>();
  private readonly landedListeners = new Set<(segments: readonly Segment[]) => void>();
  /**
   * Each entering of a sentence is a visit; its typing is one undo step. A text is saved under the visit it
   * was typed in (its save may land after the editor left), and joins that visit's first save.
   */
  private visits = 0;
  private readonly visitOf = new Map<number, number>();
  private readonly typedIn = new Map<number, number>();
  private readonly savedIn = new Map<number, number>();
  /**
   * The texts the field's own undo or redo put in a sentence, till saved: such a save joins the step of the typing
   * it takes back, so typing all undone leaves a step that ends where it began, which the document's undo goes
   * past (the next Ctrl+Z takes back the step before the typing, not nothing).
   */
  private readonly restoring = new Map<number, string>();
  /**
   * The sentence whose field passed Ctrl+Z on to the document while its own undone typing waited (handOver): once
   * the document has nothing left to redo, Ctrl+Y redoes that typing (redoWaiting), wherever the caret went since.
   */
  private waitingRedo: Segment | null = null;
  /** Who shows whether typing waits to be redone (the Redo button): told when that changes. */
  private readonly waitingListeners = new Set<() => void>();
  /** Each sentence's count of revisions once the editor's own last save of it landed. */
  private readonly ownRevisions = new Map<number, number>();
  private edited: number;
  private version = 0;
  private saves = 0;
  private active: Segment | null = null;

  constructor(
    private readonly backend: EditorBackend,
    editedCount: number,
    private readonly now: () => number = Date.now,
  ) {
    this.edited = editedCount;
    this.pages = new SegmentPages(backend.fetchPage);
    this.pages.subscribe(() => this.changed());
    this.queue = new SaveQueue((segmentId, text) => this.save(segmentId, text), (saved) => this.landed(saved));
  }

  get editedCount(): number {
    return this.edited;
  }

  /** How many saves have landed: what derived views (document metrics) refresh on. */
  get savedCount(): number {
    return this.saves;
  }

  /** The segment the editor is working in (last focused), as currently stored. */
  get activeSegment(): Segment | null {
    return this.active && (this.pages.at(this.active.position - 1) ?? this.active);
  }

  /**
   * The sentence whose typing an undo would save first and then take back: the one the editor is in, with text
   * not yet stored that changes it. Not a field's own undo back to a stored text (its save ends the typing's step
   * where it began, and the undo goes past it).
   */
  unsavedStep = (): Segment | null => {
    const segment = this.activeSegment;
    if (!segment) return null;
    const text = this.queue.unsavedText(segment.id);
    return text !== undefined && text !== segment.currentText && this.restoring.get(segment.id) !== text ? segment : null;
  };

  /** Time and keystrokes spent in a segment and not yet saved with a revision. */
  unsavedEffort(segmentId: number): Effort {
    const timer = this.timers.get(segmentId);
    return { editMs: Math.round(timer?.activeMs ?? 0), keystrokes: timer?.keystrokes ?? 0 };
  }

  /** What the correction field shows: the editor's unsaved text, or the stored one. */
  textOf = (segment: Segment): string => this.drafts.get(segment.id) ?? segment.currentText;

  /** The editor acted in a segment: a keystroke, or just entering it (which starts its clock). */
  activity = (segment: Segment, keystroke: boolean): void => {
    if (!keystroke && !this.entered.has(segment.id)) {
      this.entered.set(segment.id, this.textOf(segment));
      this.visitOf.set(segment.id, ++this.visits);
    }
    this.timers.set(segment.id, recordAction(this.timers.get(segment.id) ?? newEditTimer(), this.now(), keystroke));
    if (this.active?.id !== segment.id) {
      this.active = segment;
      this.changed();
    }
  };

  /**
   * The editor left a sentence: its text when they entered and now, if they changed it (once saved, the
   * correction is offered for the other sentences).
   */
  leave = (segment: Segment): { before: string; after: string } | null => {
    const before = this.entered.get(segment.id);
    this.entered.delete(segment.id);
    const after = this.textOf(segment);
    return before === undefined || before === after ? null : { before, after };
  };

  /** Sentences the store changed other than by this editor's saves: a status, fix all, apply to all, undo, a restore, a reload. */
  applied = (segments: readonly Segment[]): void => {
    for (const segment of segments) {
      // What the field showed before: the editor's draft, else the text held before this change landed.
      const held = this.pages.at(segment.position - 1);
      const shown = this.drafts.get(segment.id) ?? held?.currentText;
      this.drafts.delete(segment.id);
      // The sentence being worked in changed under the editor: what they change from here is measured from this.
      // A status written (Ctrl+Enter) leaves the text as the editor made it: their change still counts on leaving.
      if (this.entered.has(segment.id) && segment.currentText !== shown) this.entered.set(segment.id, segment.currentText);
      // A step of another kind (a status, a fix, an undo) now lies above the sentence's typing: the field's undo
      // would take that typing back from under it, as a step of its own that the next Ctrl+Z undoes, bringing the
      // typing back. The field forgets it; its Ctrl+Z is the document's, which takes the steps back in order.
      // Written since the field's own last save (or since the row was read): a page read again meanwhile may hold it.
      const known = this.ownRevisions.get(segment.id) ?? held?.revisionCount ?? -1;
      if (segment.revisionCount > known || shown !== segment.currentText) {
        this.histories.get(segment.id)?.forget();
        // Its undone typing went with it: nothing of it waits to be redone.
        if (this.waitingRedo?.id === segment.id) this.setWaitingRedo(null);
        this.restoring.delete(segment.id);
      }
      this.landed(segment, false);
      this.textChanged(segment.id);
    }
    this.announce(segments);
  };

  /**
   * Hears every change the store made to this document's sentences, as the sentences now stored: each save,
   * revert and bulk change (fix all, replace all, memory, propagation, undo, a restored revision). What
   * derives from their texts (find, the text filter) patches itself from these instead of asking again.
   */
  onLanded = (listener: (segments: readonly Segment[]) => void): (() => void) => {
    this.landedListeners.add(listener);
    return () => this.landedListeners.delete(listener);
  };

  /**
   * The editor typed (or a command put) `text` in a sentence. Only what shows that sentence's text hears of it
   * (subscribeText): the screen around it does not depend on unsaved text, and re-rendering it on every key
   * would cost the keystroke its frame.
   */
  change = (segment: Segment, text: string): void => {
    // Typing elsewhere is a step of its own: what waited to be redone is no longer next. Typing in its own
    // sentence (the field's history recorded it first) leaves nothing of it to redo.
    const waiting = this.waitingRedo;
    if (waiting && (waiting.id !== segment.id || !this.histories.get(waiting.id)?.redoesDocumentFirst())) this.setWaitingRedo(null);
    this.drafts.set(segment.id, text);
    if (this.histories.get(segment.id)?.isRestored(text)) this.restoring.set(segment.id, text);
    else this.restoring.delete(segment.id);
    // Typed outside a visit (e.g. the MT copied in by a command): a step of its own.
    this.typedIn.set(segment.id, this.entered.has(segment.id) ? (this.visitOf.get(segment.id) ?? 0) : ++this.visits);
    this.queue.schedule(segment.id, text);
    this.textChanged(segment.id);
  };

  /**
   * The field undo of a sentence (useTypedText.ts). Only histories that recorded something are kept, the last
   * HISTORIES sentences typed in: drawing a row (scrolling past it) keeps nothing and pushes nothing out.
   */
  historyOf = (segmentId: number): TypingHistory => {
    const kept = this.histories.get(segmentId);
    if (kept) return kept;
    const history: TypingHistory = new TypingHistory(
      () => {
        // Most recently typed in last: the oldest goes first.
        this.histories.delete(segmentId);
        this.histories.set(segmentId, history);
        if (this.histories.size > HISTORIES) this.histories.delete(this.histories.keys().next().value!);
      },
      // Handed over from the field the editor is in (its Ctrl+Z).
      () => this.setWaitingRedo(this.active?.id === segmentId ? this.active : null),
    );
    return history;
  };

  /**
   * Redoes the typing a field's redo kept waiting while the document was undone (TypingHistory.handOver), once
   * the document has nothing left to redo: the sentence it went back into, or null when nothing waits.
   */
  redoWaiting = (): Segment | null => {
    const waiting = this.waitingRedo;
    this.setWaitingRedo(null);
    if (!waiting) return null;
    const history = this.histories.get(waiting.id);
    const segment = this.pages.at(waiting.position - 1) ?? waiting;
    if (!history?.redoesDocumentFirst() || segment.id !== waiting.id) return null;
    const state = history.redo(this.textOf(segment));
    if (!state) return null;
    this.change(segment, state.text);
    return segment;
  };

  /**
   * The document's undo asked from outside the field's Ctrl+Z (Ctrl+Shift+Z, the toolbar, the Edit menu): what the
   * field of `segment` undid waits for the document's redo all the same, so Redo offers it once that is done.
   */
  handOverTyping = (segment: Segment): void => this.histories.get(segment.id)?.handOver();

  /** The sentence whose typing waits to be redone (redoWaiting), or null. */
  waitingRedoOf = (): Segment | null => this.waitingRedo;

  /** Hears when typing starts or stops waiting to be redone (waitingRedoOf). */
  subscribeWaitingRedo = (listener: () => void): (() => void) => {
    this.waitingListeners.add(listener);
    return () => this.waitingListeners.delete(listener);
  };

  private setWaitingRedo(segment: Segment | null): void {
    if (this.waitingRedo === segment) return;
    this.waitingRedo = segment;
    for (const listener of this.waitingListeners) listener();
  }

  /** Hears the changes of one sentence's shown text (textOf) that come from typing, not from the store. */
  subscribeText = (segmentId: number, listener: () => void): (() => void) => {
    let set = this.textListeners.get(segmentId);
    if (!set) this.textListeners.set(segmentId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.textListeners.get(segmentId) === set) this.textListeners.delete(segmentId);
    };
  };

  revert = async (segment: Segment): Promise<void> => {
    this.drafts.delete(segment.id);
    this.savedIn.delete(segment.id);
    this.textChanged(segment.id);
    this.changed();
    await this.queue.settle(segment.id);
    this.landed(await this.backend.revert(segment.id));
  };

  flush = (): Promise<void> => this.queue.flush();

  /**
   * Saves what is typed, then throws when a sentence's text could not be stored: what follows (its status) must
   * not act on the stored text while the typed one is still waiting for a retry.
   */
  flushSaved = async (segment: Segment): Promise<void> => {
    await this.queue.flush();
    if (this.queue.unsavedText(segment.id) === undefined) return;
    const why = this.queue.getState().error;
    throw new Error(`Sentence ${segment.position} is not saved yet${why ? ` (${why})` : ''}: its status was left as it was.`);
  };

  /**
   * Reads the rows held again from the store, and takes those that changed as a bulk change's: after writes the
   * window was not sent, as when a bulk change failed part way (what it wrote stays, as one undoable step).
   */
  reload = async (): Promise<void> => {
    const pages = await Promise.all(this.pages.heldOffsets().map((offset) => this.backend.fetchPage(offset, this.pages.pageSize)));
    const changed = pages
      .flatMap((page) => page.items)
      .filter((stored) => {
        const held = this.pages.at(stored.position - 1);
        // Only what was written since the row was held (revisions are only added): a save landing while the pages
        // were read again makes the answer older than the row; a sentence with typing waiting to be saved keeps it.
        return (
          held !== undefined &&
          stored.revisionCount > held.revisionCount &&
          this.queue.unsavedText(stored.id) === undefined &&
          (held.currentText !== stored.currentText || held.status !== stored.status)
        );
      });
    this.applied(changed);
  };

  /** Something stored changed without a save (an annotation): views that refresh on saves refresh. */
  bump = (): void => {
    this.saves++;
    this.changed();
  };

  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    this.pages.dispose();
    this.queue.dispose();
    this.listeners.clear();
    this.textListeners.clear();
    this.landedListeners.clear();
  }

  /** Saves a text with the effort spent since the last save; if the save fails, the effort waits for the retry. */
  private async save(segmentId: number, text: string): Promise<Segment> {
    const effort = this.unsavedEffort(segmentId);
    const timer = this.timers.get(segmentId);
    if (timer) this.timers.set(segmentId, { ...timer, activeMs: 0, keystrokes: 0 });
    const visit = this.typedIn.get(segmentId);
    const continues = visit !== undefined && this.savedIn.get(segmentId) === visit;
    const restores = this.restoring.get(segmentId) === text;
    try {
      const saved = await this.backend.save(segmentId, text, effort, continues, restores);
      this.ownRevisions.set(segmentId, saved.revisionCount);
      if (restores && this.restoring.get(segmentId) === text) this.restoring.delete(segmentId);
      if (visit !== undefined) this.savedIn.set(segmentId, visit);
      return saved;
    } catch (error) {
      const current = this.timers.get(segmentId) ?? newEditTimer();
      this.timers.set(segmentId, {
        ...current,
        activeMs: current.activeMs + effort.editMs,
        keystrokes: current.keystrokes + effort.keystrokes,
      });
      throw error;
    }
  }

  private announce(segments: readonly Segment[]): void {
    if (segments.length > 0) for (const listener of this.landedListeners) listener(segments);
  }

  private landed(saved: Segment, announce = true): void {
    const before = this.pages.at(saved.position - 1);
    if (before) this.edited += Number(isEdited(saved)) - Number(isEdited(before));
    if (this.drafts.get(saved.id) === saved.currentText) this.drafts.delete(saved.id);
    if (this.active?.id === saved.id) this.active = saved;
    this.saves++;
    this.pages.replace(saved);
    if (announce) this.announce([saved]);
  }

  private textChanged(segmentId: number): void {
    for (const listener of this.textListeners.get(segmentId) ?? []) listener();
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}

import { MAX_SEGMENT_LENGTH } from '../core/ipc/contract';
import { actionOf, type Batch, type BatchKind, type BatchOutcome, type UndoState } from '../core/model/batch';
import { RedlineError } from '../core/model/errors';
import type { RevisionOrigin } from '../core/model/revision';
import type { Segment, SegmentStatus } from '../core/model/segment';
import type { Clock } from '../db/clock';
import { inStorageWords } from '../db/storageErrors';
import type { Store } from '../db/store';
import { mapSteps, runToEnd, type StepProgress, type Steps } from '../core/model/steps';
import { checkpointedSteps } from './checkpointedSteps';
import { statusForText, type SegmentService } from './segmentService';

/**
 * Sentences a bulk action writes a transaction when it runs between requests: a request waits at most about one
 * such step (each sentence costs its revision, indexes, metrics and a re-check of its flags: 1.5–3 ms in a checked
 * book of 100k, so 20 a step made steps of 35–60 ms).
 */
const MOVES_A_STEP = 10;
/**
 * Steps between WAL checkpoints while a bulk write runs between requests (checkpointedSteps): SQLite's own, in
 * whichever step's commit took the WAL past 1,000 pages, made steps of 25–41 ms out of 15–25 ms ones.
 */
const STEPS_PER_CHECKPOINT = 4;
/** Sentences looked up a step while a bulk write is planned and checked, before it writes. */
export const PLANNED_A_STEP = 500;

/** One planned change of a bulk action: the text a sentence should get, and the text it was planned on. */
export interface PlannedChange {
  segmentId: number;
  /** The text the preview showed; a sentence that changed since is left alone. */
  before: string;
  after: string;
}

export type { BatchOutcome, UndoState };

/**
 * A bulk step's label, or how to say it for a count of sentences ("Replace … (40)"): the count is what was
 * written, which a stop, a failure or sentences changed meanwhile make smaller than what was planned.
 */
export type BatchLabel = string | ((written: number) => string);

/** A sentence's state: what undo and redo move between. */
interface State {
  segmentId: number;
  text: string;
  status: SegmentStatus;
}

/** The states a step moved its sentences between, by sentence. */
type StatesBySegment = Map<number, { before: State; after: State }>;

/** Whether a sentence's state changes from `from` to `to`. */
const movesState = (from: State, to: State): boolean => from.text !== to.text || from.status !== to.status;

/** Typing steps that end where they began looked past, at most, for the step undo or redo takes (nextOf). */
const LOOK_PAST = 50;

/**
 * The refusal of a bulk change every sentence of which is locked: `locked` the file locks, `tooLong` too long to
 * edit here (`tooLongLength` the characters of one of them, said when it is the only sentence).
 */
export function allLocked(locked: number, tooLong: number, tooLongLength: number): string {
  const all = locked + tooLong;
  if (tooLong === 0) {
    return all === 1
      ? 'That sentence is locked in the file (the translation tool locked it): nothing was changed.'
      : `All ${all} sentences are locked in the file (the translation tool locked them): nothing was changed.`;
  }
  const limit = MAX_SEGMENT_LENGTH.toLocaleString('en-US');
  if (locked === 0) {
    return all === 1
      ? `That sentence is too long to edit here (${tooLongLength.toLocaleString('en-US')} characters; a sentence may have ${limit}): nothing was changed.`
      : `All ${all} sentences are too long to edit here (a sentence may have ${limit} characters): nothing was changed.`;
  }
  return `None of the ${all} sentences can be changed (${locked} locked in the file, ${tooLong} too long to edit here): nothing was changed.`;
}

export function batchService(store: Store, segments: SegmentService, clock: Clock) {
  function get(batchId: number): Batch {
    const batch = store.batches.get(batchId);
    if (!batch) throw new RedlineError('not_found', `There is no batch with id ${batchId}.`);
    return batch;
  }

  /**
   * Writes sentences from one state to another as one step: one batch, one revision per changed sentence. A
   * sentence not in the expected `from` state (it changed meanwhile) is left alone. Written a few sentences a
   * transaction, each step yielding how far it has got: the app runs the steps between requests, so the editor's
   * saves land between them (a sentence saved meanwhile is left alone, as changed); `run` runs them at once, in
   * one transaction. The batch is stored with the first sentence written: a step that writes nothing stores nothing.
   */
  const moveSteps = (...args: Parameters<typeof writingSteps>): Steps<StepProgress, BatchOutcome> =>
    checkpointedSteps(store, writingSteps(...args), STEPS_PER_CHECKPOINT);

  function* writingSteps(
    documentId: number,
    kind: BatchKind,
    label: BatchLabel,
    origin: RevisionOrigin,
    moves: ReadonlyArray<{ from: State; to: State }>,
    undoes: number | null = null,
  ): Steps<StepProgress, BatchOutcome> {
    if (moves.length === 0) throw new RedlineError('bad_input', 'There is nothing to change.');
    // Every sentence is the document's, checked before anything is written (a slice a step: they may be 60,000).
    yield* mapSteps(
      moves,
      ({ from }) => {
        if (segments.get(from.segmentId).documentId !== documentId) {
          throw new RedlineError('bad_input', `Segment ${from.segmentId} is not part of document ${documentId}.`);
        }
        return null;
      },
      PLANNED_A_STEP,
    );
    const labelFor = (count: number) => (typeof label === 'string' ? label : label(count));
    let batchId: number | null = null;
    const written: Segment[] = [];
    /**
     * The batch was stored with the planned count in its label: it says what was written. What was written stands
     * whether or not this can be stored (the store locked or full): the label then keeps the planned count.
     */
    const relabelIfItCan = (id: number) => {
      if (labelFor(written.length) !== labelFor(moves.length)) tryTo(() => store.batches.relabel(id, labelFor(written.length)));
    };
    let skipped = 0;
    let locked = 0;
    let tooLong = 0;
    /** The length of a too-long sentence left alone (the last one met): what a refusal of that one sentence says. */
    let tooLongLength = 0;
    for (let start = 0; start < moves.length; start += MOVES_A_STEP) {
      // Asked to stop (between steps): what is written stays, as the batch.
      if (stopping.has(documentId)) {
        if (batchId === null) throw new RedlineError('cancelled', 'Stopped before any sentence was written: nothing was changed.');
        break;
      }
      segments.dropWrites();
      // Run at once (`run`), the steps are savepoints of one transaction, which a failure undoes whole (SQLite may
      // have rolled it back already); between requests, the steps before a failing one stay written.
      const atOnce = store.inTransaction;
      let step: ReturnType<typeof writeStep>;
      try {
        step = store.transaction(() => writeStep(moves.slice(start, start + MOVES_A_STEP), batchId));
      } catch (error) {
        if (batchId === null || atOnce) throw error;
        relabelIfItCan(batchId);
        // An undo cut short leaves its step where undo finds it again (the store moved it to the redo stack with
        // the undo's first sentence): a second undo restores the rest, the sentences restored already left alone.
        if (kind === 'undo' && undoes !== null) tryTo(() => store.batches.backOnDone(undoes));
        throw partlyWritten(error, kind, written.length, moves.length);
      }
      batchId = step.batchId;
      written.push(...step.written);
      skipped += step.skipped;
      locked += step.locked;
      tooLong += step.tooLong;
      tooLongLength = step.tooLongLength || tooLongLength;
      if (start + MOVES_A_STEP < moves.length) yield { done: start + MOVES_A_STEP, total: moves.length };
    }
    /** One step's sentences written, in the caller's transaction: what it wrote, into which batch. */
    function writeStep(slice: ReadonlyArray<{ from: State; to: State }>, into: number | null) {
      const step = { batchId: into, written: [] as Segment[], skipped: 0, locked: 0, tooLong: 0, tooLongLength: 0 };
      for (const { from, to } of slice) {
        const segment = segments.get(from.segmentId);
        // A sentence the file locks, or too long to edit here, keeps its text: left alone and counted, so the
        // editor is told which.
        if (segment.locked && to.text !== segment.currentText) {
          if (segment.lockedBy === 'length') {
            step.tooLong++;
            step.tooLongLength = segment.currentText.length;
          } else step.locked++;
          continue;
        }
        const same = segment.currentText === to.text && segment.status === to.status;
        if (segment.currentText !== from.text || segment.status !== from.status || same) {
          step.skipped++;
          continue;
        }
        step.batchId ??= store.batches.insert(documentId, kind, labelFor(moves.length), clock(), undoes);
        step.written.push(segments.record(from.segmentId, { text: to.text, status: to.status, origin }, step.batchId, labelFor(moves.length)));
      }
      segments.flushWrites();
      return step;
    }
    if (batchId === null) {
      if (locked + tooLong > 0 && skipped === 0) throw new RedlineError('bad_input', allLocked(locked, tooLong, tooLongLength));
      throw new RedlineError('bad_input', 'Every sentence changed meanwhile: nothing was changed.');
    }
    relabelIfItCan(batchId);
    return { batch: get(batchId), segments: written, skipped, locked, tooLong };
  }

  /** A write of bookkeeping after a bulk write, in its own transaction; one the store refuses is left undone. */
  function tryTo(write: () => void): void {
    try {
      store.transaction(write);
    } catch {
      // The store is locked or full: what the bulk write wrote stands, and its outcome or error is still told.
    }
  }

  /** A bulk write failed after some of its steps were written: what stays, and why the rest did not. */
  function partlyWritten(error: unknown, kind: BatchKind, written: number, planned: number): RedlineError {
    const words = inStorageWords(error);
    const reason = words instanceof RedlineError ? words.message : `SQLite said: “${error instanceof Error ? error.message : String(error)}”.`;
    const count = `Only ${written.toLocaleString('en-US')} of the ${planned.toLocaleString('en-US')} sentences were`;
    const what =
      kind === 'undo'
        ? `${count} restored before the undo failed; undo again to restore the rest.`
        : `${count} changed before the write failed; they are one step, which undo takes back.`;
    return new RedlineError(words instanceof RedlineError ? words.code : 'internal', `${what} ${reason}`);
  }

  /** Documents whose bulk write is to stop after its current step (see `stop`). */
  const stopping = new Set<number>();

  /** Runs a bulk action's steps at once, as one transaction: all of it is written, or none. */
  const run = <T>(steps: Steps<unknown, T>): T => store.transaction(() => runToEnd(steps));

  /** Bulk text changes (fix all, apply to all, replace all), planned on the texts a preview showed. */
  function* applySteps(
    documentId: number,
    kind: BatchKind,
    label: BatchLabel,
    origin: RevisionOrigin,
    changes: readonly PlannedChange[],
  ): Steps<StepProgress, BatchOutcome> {
    const moves = yield* mapSteps(
      changes,
      (change) => {
        const segment = segments.get(change.segmentId);
        return {
          from: { segmentId: change.segmentId, text: change.before, status: segment.status },
          to: { segmentId: change.segmentId, text: change.after, status: statusForText(change.after, segment.mtText) },
        };
      },
      PLANNED_A_STEP,
    );
    return yield* moveSteps(documentId, kind, label, origin, moves);
  }

  /**
   * The states a batch moved its sentences between (before → after), from its revisions, read a page a step (an
   * undo of 60,000 sentences read them in one go before its first step). A sentence written more than once in the
   * step (a sentence's typing, saved at each pause) moved from the state before its first revision to the state
   * of its last.
   */
  function* statesOf(batchId: number): Steps<StepProgress, Array<{ before: State; after: State }>> {
    const bySegment: StatesBySegment = new Map();
    const total = get(batchId).size;
    let done = 0;
    for (const page of store.revisions.batchPages(batchId, PLANNED_A_STEP)) {
      addStates(bySegment, page);
      done += page.length;
      if (done < total) yield { done, total };
    }
    return [...bySegment.values()];
  }

  /** A sentence's state as a revision records it (revisions older than statuses: the status its text gives). */
  const stateOf = (segmentId: number, text: string, status: SegmentStatus | null, mt: string): State => ({
    segmentId,
    text,
    status: status ?? statusForText(text, mt),
  });

  /** Each sentence's state before the first of `revisions` (of one step) and after its last. */
  function addStates(bySegment: StatesBySegment, revisions: ReturnType<Store['revisions']['ofBatch']>): void {
    for (const r of revisions) {
      const mt = segments.get(r.segmentId).mtText;
      const state = stateOf(r.segmentId, r.text, r.status, mt);
      const seen = bySegment.get(r.segmentId);
      if (seen) seen.after = state;
      else bySegment.set(r.segmentId, { before: stateOf(r.segmentId, r.previousText, r.previousStatus, mt), after: state });
    }
  }

  /**
   * A typing step that ends where it began: its sentence's typing saved, then taken back (deleted, or undone in
   * the field) and saved again in the same step. Undo and redo of the document go past it, so the key does not
   * seem to do nothing once (after Ctrl+Z undid a field's typing, the next Ctrl+Z takes back the step before).
   * So is the undo or redo of such a step, which wrote no revision.
   */
  function endsWhereItBegan(batchId: number): boolean {
    const batch = get(batchId);
    if (batch.size === 0) return true;
    if (batch.kind !== 'edit') return false;
    // A typing step is one sentence's: its first revision's state before, its last one's after (two rows).
    const ends = store.revisions.typingEnds(batchId);
    if (!ends) return false;
    const { segmentId, previousText, previousStatus } = ends.first;
    const mt = segments.get(segmentId).mtText;
    return !movesState(stateOf(segmentId, previousText, previousStatus, mt), stateOf(segmentId, ends.last.text, ends.last.status, mt));
  }

  /**
   * The steps undo (`done`) or redo (`undone`) of a document goes past, newest first, and the step it takes
   * then (null when none is left below them).
   */
  function nextOf(documentId: number, stack: 'done' | 'undone', limit = LOOK_PAST): { past: number[]; target: number | null } {
    const past: number[] = [];
    let id = store.batches.top(documentId, stack);
    while (id !== undefined && past.length < limit && endsWhereItBegan(id)) {
      past.push(id);
      id = store.batches.below(documentId, stack, id);
    }
    return { past, target: id ?? null };
  }

  /**
   * Takes the steps undo or redo goes past off their stack: each a batch alone, no revision. Each is looked at
   * again first: a save landing while the undo ran between requests may have joined one (a field's undo, which
   * gives it a change again) or cleared the redo stack. Bookkeeping: a store that refuses it leaves them where they
   * are, for the next undo to go past again, and the undo or redo it follows stands.
   */
  function markPast(documentId: number, kind: 'undo' | 'redo', past: readonly number[]): void {
    if (past.length === 0) return;
    const stack = kind === 'undo' ? 'done' : 'undone';
    tryTo(() => {
      for (const id of past) {
        if (store.batches.stackOf(id) !== stack || !endsWhereItBegan(id)) continue;
        store.batches.insert(documentId, kind, `${kind === 'undo' ? 'Undo' : 'Redo'}: ${actionOf(get(id).label)}`, clock(), id);
      }
    });
  }

  /**
   * Undo of the document's last step, or redo of the step undone last, past the typing steps that end where they
   * began (nextOf). A redo also marks redone those that then top the redo stack: an undo and a redo leave the
   * stacks as they were.
   */
  function lastSteps(documentId: number, kind: 'undo' | 'redo'): Steps<StepProgress, BatchOutcome> {
    // However many steps there are to go past (state() looks past LOOK_PAST of them at most).
    const { past, target } = nextOf(documentId, kind === 'undo' ? 'done' : 'undone', Infinity);
    // Only steps that end where they began: there is nothing to take back or apply again (state() says so too).
    // Those at the bottom of the undo stack are taken off it, so that state() no longer has to go past them.
    if (target === null) {
      if (kind === 'undo') markPast(documentId, kind, past);
      throw new RedlineError('nothing_to_do', `There is nothing to ${kind}.`);
    }
    const step = kind === 'undo' ? undoSteps(target) : redoSteps(target);
    return (function* () {
      const outcome = yield* step;
      // Marked once the step is written: an undo or redo that fails leaves the stacks as they were.
      markPast(documentId, kind, past);
      if (kind === 'redo') markPast(documentId, 'redo', nextOf(documentId, 'undone').past);
      return outcome;
    })();
  }

  /** Checked when asked (not at the first step), so a refusal is told at once, outside any transaction. */
  function undoSteps(batchId: number): Steps<StepProgress, BatchOutcome> {
    const batch = get(batchId);
    if (batch.kind === 'undo') throw new RedlineError('bad_input', 'An undo is undone by redo.');
    if (store.batches.stackOf(batchId) !== 'done') {
      throw new RedlineError('bad_input', `“${batch.label}” was already undone.`);
    }
    return (function* () {
      const moves = (yield* statesOf(batchId)).map(({ before, after }) => ({ from: after, to: before }));
      return yield* moveOrMark(batch.documentId, 'undo', `Undo: ${actionOf(batch.label)}`, moves, batchId);
    })();
  }

  function redoSteps(batchId: number): Steps<StepProgress, BatchOutcome> {
    const batch = get(batchId);
    return (function* () {
      const moves = (yield* statesOf(batchId)).map(({ before, after }) => ({ from: before, to: after }));
      return yield* moveOrMark(batch.documentId, 'redo', `Redo: ${actionOf(batch.label)}`, moves, batchId);
    })();
  }

  /**
   * Undo or redo of a step. A step can end where it began (typing saved at a pause, then deleted and saved at
   * the next): its sentences have nothing to move, yet the step must leave the stack, or every later undo would
   * meet it again. Such a step is undone (or redone) by its batch alone, with no revision.
   */
  function* moveOrMark(
    documentId: number,
    kind: 'undo' | 'redo',
    label: string,
    moves: ReadonlyArray<{ from: State; to: State }>,
    target: number,
  ): Steps<StepProgress, BatchOutcome> {
    const real = moves.filter(({ from, to }) => movesState(from, to));
    if (real.length > 0) return yield* moveSteps(documentId, kind, label, 'restore', real, target);
    const batchId = store.transaction(() => store.batches.insert(documentId, kind, label, clock(), target));
    return { batch: get(batchId), segments: [], skipped: 0, locked: 0, tooLong: 0 };
  }

  return {
    get,
    run,
    /**
     * Asks (`true`) the bulk write of a document that runs a step at a time to stop after its current step: it
     * then returns what it wrote (one undoable step), or, having written nothing, fails as cancelled. The runner
     * of the write (services/bulkWrites.ts) clears the request (`false`) when the write starts and ends. Only
     * for writes that may stop part way: an undo or redo stopped there would leave the rest of its step out of
     * reach of undo.
     */
    stopping: (documentId: number, stop: boolean): void => void (stop ? stopping.add(documentId) : stopping.delete(documentId)),
    /** Bulk text changes as one undoable step; `applySteps` the same a few sentences a step. */
    apply: (...args: Parameters<typeof applySteps>): BatchOutcome => run(applySteps(...args)),
    applySteps,
    undo: (batchId: number): BatchOutcome => run(undoSteps(batchId)),
    undoSteps,

    /**
     * The steps undo and redo would take now: past the typing steps that end where they began, as they go (up to
     * LOOK_PAST of them: beyond, the step named may be one more such, which the undo itself goes past).
     */
    state(documentId: number): UndoState {
      const step = (stack: 'done' | 'undone') => {
        const { target } = nextOf(documentId, stack);
        return target === null ? null : get(target);
      };
      return { undo: step('done'), redo: step('undone') };
    },

    /** Undoes the document's last step (an edit, a status change, a batch), across restarts. */
    undoLast: (documentId: number): BatchOutcome => run(lastSteps(documentId, 'undo')),
    undoLastSteps: (documentId: number) => lastSteps(documentId, 'undo'),

    /** Applies again the step undone last, if nothing was done since. */
    redoLast: (documentId: number): BatchOutcome => run(lastSteps(documentId, 'redo')),
    redoLastSteps: (documentId: number) => lastSteps(documentId, 'redo'),
  };
}

export type BatchService = ReturnType<typeof batchService>;

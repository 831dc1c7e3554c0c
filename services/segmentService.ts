import { MAX_SEGMENT_LENGTH } from '../core/ipc/contract';
import type { BatchKind } from '../core/model/batch';
import { RedlineError } from '../core/model/errors';
import { NO_EFFORT, type Effort, type Revision, type RevisionOrigin } from '../core/model/revision';
import type { Segment, SegmentStatus } from '../core/model/segment';
import type { Clock } from '../db/clock';
import type { Store } from '../db/store';
import type { SegmentFilter } from '../db/repositories/segments';

/** The status a text leaves a sentence in when it is written (editing a confirmed sentence un-confirms it). */
export const statusForText = (text: string, mtText: string): SegmentStatus =>
  text === mtText ? 'not_started' : 'edited';

/** What one write records: a text (or the same text) and the status it leaves the sentence in. */
export interface Write {
  text: string;
  status: SegmentStatus;
  origin: RevisionOrigin;
  reason?: string | null;
  effort?: Effort;
}

const KIND_OF_ORIGIN: Partial<Record<RevisionOrigin, BatchKind>> = {
  edit: 'edit',
  revert: 'revert',
  status: 'status',
  restore: 'restore',
  fix: 'fix',
  propagated: 'propagated',
  replace: 'replace',
};

/** The statuses of a sentence still to review: Ctrl+Enter and F-keys go to the next of them. */
const UNREVIEWED: readonly SegmentStatus[] = ['not_started', 'edited', 'rejected'];

const STATUS_VERBS: Record<SegmentStatus, string> = {
  not_started: 'Reset',
  edited: 'Mark as edited',
  confirmed: 'Confirm',
  approved: 'Approve',
  rejected: 'Reject',
};

/** A count of characters as the window writes it (25,000). */
const characters = (n: number): string => n.toLocaleString('en-US');

/** The one-line refusal of a write to a locked sentence: the file locks it, or it is too long to edit here. */
export const lockedError = (segment: Pick<Segment, 'position' | 'lockedBy' | 'currentText'>): RedlineError =>
  new RedlineError(
    'bad_input',
    segment.lockedBy === 'length'
      ? `Sentence ${segment.position} is too long to edit here (${characters(segment.currentText.length)} characters; a sentence may have ${characters(MAX_SEGMENT_LENGTH)}): its text cannot be changed.`
      : `Sentence ${segment.position} is locked in the file (the translation tool locked it): its text cannot be changed.`,
  );

/** Told, inside the write's transaction, which sentences of a document got a new text (keeps derived state). */
export type AfterWrite = (documentId: number, segmentIds: number[]) => void;

/** Revisions of a sentence looked back through for the typing step a field's undo joins (restoredStep). */
const RESTORE_LOOK_BACK = 400;

export function segmentService(store: Store, clock: Clock, afterWrite: AfterWrite = () => {}) {
  /** Sentences written inside a batch, told to afterWrite once when the batch ends (see flushWrites). */
  const pending = new Map<number, number[]>();

  function get(segmentId: number): Segment {
    const segment = store.segments.get(segmentId);
    if (!segment) throw new RedlineError('not_found', `There is no segment with id ${segmentId}.`);
    return segment;
  }

  /**
   * Records a sentence's new text and/or status: one revision and the sentence's new state, together or not
   * at all. Without a batch, the write is an undoable step of its own.
   */
  function record(segmentId: number, write: Write, batchId: number | null, label: string): Segment {
    return store.transaction(() => {
      const segment = get(segmentId);
      if (segment.locked && write.text !== segment.currentText) throw lockedError(segment);
      const unchanged = segment.currentText === write.text && segment.status === write.status && !write.reason;
      if (unchanged) return segment;
      const now = clock();
      const kind = KIND_OF_ORIGIN[write.origin];
      const batch = batchId ?? (kind ? store.batches.insert(segment.documentId, kind, label, now) : null);
      store.revisions.append(segmentId, write.text, write.origin, now, {
        effort: write.effort ?? NO_EFFORT,
        batchId: batch,
        status: write.status,
        reason: write.reason ?? null,
      });
      store.segments.setText(segmentId, write.text, write.status, now);
      if (segment.currentText !== write.text) {
        if (batchId === null) afterWrite(segment.documentId, [segmentId]);
        else pending.set(segment.documentId, [...(pending.get(segment.documentId) ?? []), segmentId]);
      }
      return get(segmentId);
    });
  }

  /** Writes a new text; the same text writes nothing. */
  function write(
    segmentId: number,
    text: string,
    origin: RevisionOrigin,
    effort: Effort = NO_EFFORT,
    batchId: number | null = null,
  ): Segment {
    const segment = get(segmentId);
    if (segment.currentText === text) return segment;
    if (segment.locked) throw lockedError(segment);
    const label =
      origin === 'revert'
        ? `Revert sentence ${segment.position} to the MT`
        : origin === 'restore'
          ? `Restore a revision of sentence ${segment.position}`
          : `Edit sentence ${segment.position}`;
    return record(segmentId, { text, status: statusForText(text, segment.mtText), origin, effort }, batchId, label);
  }

  /**
   * The step a continued typing save joins: the document's last batch, when it is an edit of this sentence
   * alone (anything done since — another sentence, an undo, a fix — starts a new step).
   */
  function typingStep(segmentId: number): number | null {
    const last = store.batches.last(get(segmentId).documentId);
    if (!last || last.kind !== 'edit') return null;
    return store.revisions.typingEnds(last.id)?.first.segmentId === segmentId ? last.id : null;
  }

  /**
   * The step a save of the field's own undo or redo (giving the sentence `text`) joins: one of the sentence's typing
   * steps undo may still take, back to its last step of any other kind. The latest that ends at the sentence's
   * text now and starts at `text` (an undo taking that typing back whole: the step then ends where it began, and the
   * document's undo goes past it, batchService), else the latest that ends at the text now (an undo within its
   * typing, or a redo of it). Steps that end where they began are looked past; steps of other sentences since do
   * not matter (the field takes back this sentence's typing alone). Null: none, and the save is a step of its own.
   */
  function restoredStep(segmentId: number, text: string): number | null {
    const current = get(segmentId).currentText;
    let latest: number | null = null;
    for (const batchId of store.revisions.recentBatchesOf(segmentId, RESTORE_LOOK_BACK)) {
      if (batchId === null || store.batches.stackOf(batchId) !== 'done' || store.batches.get(batchId)?.kind !== 'edit') break;
      const ends = store.revisions.typingEnds(batchId);
      if (!ends || ends.first.segmentId !== segmentId) break;
      const [before, after] = [ends.first.previousText, ends.last.text];
      if (after !== current) {
        if (before === after) continue;
        break;
      }
      if (before === text) return batchId;
      latest ??= batchId;
    }
    return latest;
  }

  /** Tells afterWrite about the sentences a batch wrote; the batch calls it before its transaction ends. */
  function flushWrites(): void {
    const writes = [...pending];
    pending.clear();
    for (const [documentId, segmentIds] of writes) afterWrite(documentId, segmentIds);
  }

  return {
    get,
    write,
    record,
    flushWrites,
    /** Forgets writes of a batch that failed (its transaction rolled back). */
    dropWrites: () => pending.clear(),
    page(documentId: number, offset: number, limit: number): { total: number; items: Segment[] } {
      if (!store.documents.summary(documentId)) {
        throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      }
      return { total: store.segments.count(documentId), items: store.segments.page(documentId, offset, limit) };
    },
    /**
     * Saves typed text. `continues` says the editor is still in the sentence they typed in at the last save:
     * the save then joins that typing's step (one undo for a sentence's typing between entering and leaving
     * it), while still being a revision of its own so nothing typed is lost on a crash. `restores` says the text
     * is the field's own undo or redo: the save joins the step of the typing it takes back (restoredStep).
     */
    update(segmentId: number, text: string, effort: Partial<Effort> = {}, continues = false, restores = false): Segment {
      const spent = { editMs: effort.editMs ?? 0, keystrokes: effort.keystrokes ?? 0 };
      if (!continues && !restores) return write(segmentId, text, 'edit', spent);
      return store.transaction(() => {
        const batchId = (restores ? restoredStep(segmentId, text) : null) ?? (continues ? typingStep(segmentId) : null);
        if (batchId === null) return write(segmentId, text, 'edit', spent);
        const saved = write(segmentId, text, 'edit', spent, batchId);
        flushWrites();
        return saved;
      });
    },
    revert: (segmentId: number): Segment => write(segmentId, get(segmentId).mtText, 'revert'),

    /** Changes a sentence's status, as a revision of its own (with the reason, for a rejection). */
    setStatus(segmentId: number, status: SegmentStatus, reason?: string): Segment {
      const segment = get(segmentId);
      if (status === 'rejected' && !reason?.trim()) {
        throw new RedlineError('bad_input', 'Say why the sentence is rejected.');
      }
      if (segment.status === status && status !== 'rejected') return segment;
      // A unit with a source and no translation is not done: a bilingual file would call its empty target translated.
      if ((status === 'confirmed' || status === 'approved') && segment.currentText.trim() === '' && (segment.sourceText ?? '').trim() !== '') {
        const verb = status === 'confirmed' ? 'confirm' : 'approve';
        throw new RedlineError('bad_input', `Sentence ${segment.position} has no translation yet: type one before you ${verb} it.`);
      }
      return record(
        segmentId,
        { text: segment.currentText, status, origin: 'status', reason: status === 'rejected' ? reason!.trim() : null },
        null,
        `${STATUS_VERBS[status]} sentence ${segment.position}`,
      );
    },

    /** Gives a sentence the text of one of its earlier revisions, as a new revision ('restore'). */
    restore(segmentId: number, revisionId: number): Segment {
      const revision = store.revisions.get(revisionId);
      if (!revision || revision.segmentId !== segmentId) {
        throw new RedlineError('not_found', `Sentence ${segmentId} has no revision ${revisionId}.`);
      }
      return write(segmentId, revision.text, 'restore');
    },

    /** A sentence's revisions, oldest first; those an undo or redo wrote say so (their origin is a restore). */
    history(segmentId: number): Revision[] {
      get(segmentId);
      const kinds = new Map<number, string | undefined>();
      const kindOf = (batchId: number) => {
        if (!kinds.has(batchId)) kinds.set(batchId, store.batches.get(batchId)?.kind);
        return kinds.get(batchId);
      };
      return store.revisions.forSegment(segmentId).map((revision) => {
        const kind = revision.origin === 'restore' && revision.batchId !== null ? kindOf(revision.batchId) : undefined;
        return kind === 'undo' || kind === 'redo' ? { ...revision, step: kind } : revision;
      });
    },

    positions(documentId: number, filter: SegmentFilter): number[] {
      if (!store.documents.summary(documentId)) {
        throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      }
      return store.segments.positions(documentId, filter);
    },

    /**
     * The next sentence after `after` still to review (not confirmed or approved), wrapping round; null when none
     * is. With `among` (rows a filter shows), the first of those still to review instead.
     */
    nextUnconfirmed(documentId: number, after: number, among?: readonly number[]): number | null {
      if (!store.documents.summary(documentId)) {
        throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
      }
      if (among) return store.segments.firstWithStatusAmong(documentId, UNREVIEWED, among);
      return store.segments.nextWithStatus(documentId, UNREVIEWED, after);
    },

    note(segmentId: number, text?: string): string {
      get(segmentId);
      if (text !== undefined) store.notes.set(segmentId, text, clock());
      return store.notes.get(segmentId);
    },
  };
}

export type SegmentService = ReturnType<typeof segmentService>;

import type { Batch, BatchKind } from '../../core/model/batch';
import { RedlineError } from '../../core/model/errors';
import type { RevisionOrigin } from '../../core/model/revision';
import type { Segment } from '../../core/model/segment';
import type { Clock } from '../../db/clock';
import type { Store } from '../../db/store';
import type { SegmentService } from './segmentService';

/** One planned change of a bulk action: the text a sentence should get, and the text it was planned on. */
export interface PlannedChange {
  segmentId: number;
  /** The text the preview showed; a sentence that changed since is left alone. */
  before: string;
  after: string;
}

export interface BatchOutcome {
  batch: Batch;
  segments: Segment[];
  /** Sentences left alone because they changed after the preview (or since the batch, for an undo). */
  skipped: number;
}

export function batchService(store: Store, segments: SegmentService, clock: Clock) {
  function get(batchId: number): Batch {
    const batch = store.batches.get(batchId);
    if (!batch) throw new RedlineError('not_found', `There is no batch with id ${batchId}.`);
    return batch;
  }

  /**
   * Writes many sentences as one step: one transaction, one batch, one revision per changed sentence. A
   * sentence whose text is no longer what the preview showed is skipped, never overwritten.
   */
  function apply(
    documentId: number,
    kind: BatchKind,
    label: string,
    origin: RevisionOrigin,
    changes: readonly PlannedChange[],
    undoes: number | null = null,
  ): BatchOutcome {
    if (changes.length === 0) throw new RedlineError('bad_input', 'There is nothing to change.');
    return store.transaction(() => {
      const batchId = store.batches.insert(documentId, kind, label, clock(), undoes);
      const written: Segment[] = [];
      let skipped = 0;
      for (const change of changes) {
        const segment = segments.get(change.segmentId);
        if (segment.documentId !== documentId) {
          throw new RedlineError('bad_input', `Segment ${change.segmentId} is not part of document ${documentId}.`);
        }
        if (segment.currentText !== change.before || change.after === change.before) {
          skipped++;
          continue;
        }
        written.push(segments.write(change.segmentId, change.after, origin, undefined, batchId));
      }
      if (written.length === 0) {
        throw new RedlineError('bad_input', 'Every sentence changed since the preview: nothing was applied.');
      }
      return { batch: get(batchId), segments: written, skipped };
    });
  }

  return {
    get,
    apply,
    recent: (documentId: number) => store.batches.recent(documentId),
    /**
     * Undoes a batch as one step: every sentence it changed gets back the text it had before, as new
     * revisions ('restore') in an undo batch. Sentences edited since keep their newer text.
     */
    undo(batchId: number): BatchOutcome {
      const batch = get(batchId);
      if (batch.undoneBy !== null) throw new RedlineError('bad_input', `“${batch.label}” was already undone.`);
      const changes = store.revisions.ofBatch(batchId).map((revision) => ({
        segmentId: revision.segmentId,
        before: revision.text,
        after: revision.previousText,
      }));
      return apply(batch.documentId, 'undo', `Undo: ${batch.label}`, 'restore', changes, batchId);
    },
  };
}

export type BatchService = ReturnType<typeof batchService>;

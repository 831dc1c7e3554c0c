/**
 * Replace all in a book, through the IPC handlers main registers: the preview reads every sentence, then up to
 * CHOSEN of the matching sentences are written as one batch and undone — each a few sentences a step between
 * requests (services/bulkWrites.ts). The figure is the longest wait of a page asked every millisecond meanwhile;
 * the baseline is the same three run at once on the request path, as they ran before: the longest of them is
 * what a request waited then.
 */
import { contextWarming } from '../../services/contextWarming';
import { checkInWorker } from '../checkInWorker';
import { benchHandlers } from '../handlers';
import { waitsWhile, type Waits } from '../requestWaits';
import { timeMs } from '../stats';
import type { RowModule } from '../table';

const CHOSEN = 10_000;
/** A word of nearly every other sentence of the bench's book. */
const REPLACE = { find: 'Sie', replace: 'sie', regex: false, caseSensitive: true, wholeWord: true };

const bulkWrite: RowModule = {
  order: 85,
  alone: true,
  async rows(document) {
    const { services, documentId } = document;
    // The book as the app holds it once opened: checked whole in a worker thread, its context built between requests.
    await checkInWorker(document, documentId);
    await contextWarming(services.checks).open(documentId);
    const handlers = benchHandlers(services);
    const between = async <T>(work: () => Promise<T>): Promise<{ value: T; waits: Waits; ms: number }> => {
      let running = true;
      const started = performance.now();
      const done = work().finally(() => (running = false));
      const waits = await waitsWhile(document, () => running, done);
      return { value: await done, waits, ms: performance.now() - started };
    };
    const preview = await between(async () => handlers['replace.preview']({ documentId, ...REPLACE }));
    const segmentIds = preview.value.slice(0, CHOSEN).map((change) => change.segmentId);
    const applied = await between(async () => handlers['replace.apply']({ documentId, ...REPLACE, segmentIds }));
    const undone = await between(async () => handlers['documents.undo']({ documentId }));
    if (undone.value.segments.length !== applied.value.segments.length) throw new Error('The replace was not undone whole.');

    // The same at once, on the request path.
    const atOnce = [
      timeMs(() => void services.replace.preview(documentId, REPLACE)),
      timeMs(() => void services.replace.apply(documentId, REPLACE, segmentIds)),
      timeMs(() => void services.batches.undoLast(documentId)),
    ];
    const waits = [preview.waits, applied.waits, undone.waits];
    return [
      {
        key: 'bulk-write',
        label: `replace all between requests (preview of every sentence, ${segmentIds.length} written, undone): longest request wait`,
        value: Math.max(...waits.map((w) => w.longest)),
        unit: 'ms',
        baseline: {
          label: 'at once on the request path',
          value: Math.max(...atOnce),
          about: `the longest of the preview, the replace and its undo run at once (${atOnce.map((ms) => `${Math.round(ms)}`).join(' / ')} ms)`,
        },
        note: `${preview.value.length} sentences match; ${waits.reduce((n, w) => n + w.over50, 0)} of ${waits.reduce((n, w) => n + w.requests, 0)} requests over 50 ms; ${Math.round(preview.ms)} / ${Math.round(applied.ms)} / ${Math.round(undone.ms)} ms in all`,
      },
    ];
  },
};

export default bulkWrite;

/**
 * The first save after the app opens a book whose flags are stored: it patches the check context, which a new
 * process has not built yet. Built on the request path (what the first save paid before), it costs a pass over
 * every sentence; built between requests when the document is opened (services/contextWarming.ts), the save
 * finds it ready. Each side is a process's first save (a fresh set of services on the bench's store), and a
 * page of the grid is asked for every millisecond while the context is built between requests: its longest wait
 * is printed beside the same requests with nothing else running.
 */
import { createServices } from '../../services';
import { contextWarming } from '../../services/contextWarming';
import { checkInWorker } from '../checkInWorker';
import { idle, waitsWhile } from '../requestWaits';
import { timeMs } from '../stats';
import type { RowModule } from '../table';

const firstSave: RowModule = {
  // In a process of its own: the book checked whole in a worker thread, as the app checks it.
  order: 62,
  alone: true,
  async rows(document) {
    const { services, storePath, nativeBinding, documentId, sentences } = document;
    await checkInWorker(document, documentId);
    const [coldRow, warmRow] = services.segments.page(documentId, Math.floor(sentences / 3), 2).items;
    const cold = createServices(storePath, { nativeBinding });
    let coldMs: number;
    try {
      coldMs = timeMs(() => cold.segments.update(coldRow!.id, `${coldRow!.currentText} A first edit.`));
    } finally {
      cold.close();
    }
    const warm = createServices(storePath, { nativeBinding });
    try {
      const opened = { ...document, services: warm };
      const started = performance.now();
      let building = true;
      const built = contextWarming(warm.checks)
        .open(documentId)
        .finally(() => (building = false));
      const waits = await waitsWhile(opened, () => building, built);
      if (!(await built)) throw new Error('The context was not built between requests.');
      const buildMs = performance.now() - started;
      const warmMs = timeMs(() => warm.segments.update(warmRow!.id, `${warmRow!.currentText} A first edit.`));
      const quiet = await idle(opened, Math.min(buildMs, 5_000));
      return [
        {
          key: 'save',
          label: 'first save after opening: context built between requests',
          value: warmMs,
          unit: 'ms',
          baseline: { label: 'built by the save', value: coldMs, about: "a new process's first save, the check context built from every sentence on the request path" },
        },
        {
          key: 'context-build-wait',
          label: 'a request while the context is built between requests, longest wait',
          value: waits.longest,
          unit: 'ms',
          baseline: {
            label: 'nothing else running',
            value: quiet.longest,
            about:
              `a page asked every millisecond while the context was built (${(buildMs / 1000).toFixed(2)} s between requests); ` +
              `over 50 ms: ${waits.over50} of ${waits.requests} (${quiet.over50} of ${quiet.requests} with nothing else running)`,
          },
        },
      ];
    } finally {
      warm.close();
    }
  },
};

export default firstSave;

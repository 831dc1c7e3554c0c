/**
 * How long another request (a page of the grid, `segments.page`) waits while an export runs: on the request path
 * (the export computed and written in the main thread, as before the export worker, and as the CLI still does)
 * against in the export worker (services/exportJobs.ts, its own read-only connection). Two exports: the document
 * in its original format and the HTML review report.
 *
 * Request path: a page is asked for every millisecond from the moment the export starts; a request cannot start
 * until the export ends, so its wait is how late it starts plus how long it takes. Worker: the same requests,
 * asked for every millisecond until the worker's file is in place. The figure is the longest wait seen; the same
 * requests with nothing else running give the machine's own noise, printed beside it. The worker runs from a
 * bundle esbuild makes of services/exportWorker.ts, as the app runs the one Vite builds (not compiled on start).
 */
import { join } from 'node:path';
import type { ExportKind } from '../../services/exportContent';
import { exportJobs } from '../../services/exportJobs';
import { bundledWorker } from '../bundledWorker';
import { checkInWorker } from '../checkInWorker';
import { EVERY_MS, idle, PAGE, waitsWhile, type Waits as RequestWaits } from '../requestWaits';
import type { BenchRow, BookDocument, RowModule } from '../table';

interface Waits extends RequestWaits {
  exportMs: number;
}

interface WorkerWaits extends Waits {
  /** The same export again right after, through the same jobs: the idle worker reused (no thread start). */
  secondMs: number;
}


/** The export on the request path: it starts on the next turn of the event loop, the requests queue behind it. */
async function onRequestPath(document: BookDocument, write: () => void): Promise<Waits> {
  let done = false;
  let exportMs = 0;
  const exporting = new Promise<void>((resolve, reject) =>
    setImmediate(() => {
      try {
        const started = performance.now();
        write();
        exportMs = performance.now() - started;
        resolve();
      } catch (error) {
        reject(error);
      } finally {
        done = true;
      }
    }),
  );
  const waits = await waitsWhile(document, () => !done, exporting);
  await exporting;
  return { ...waits, exportMs };
}

async function inWorker(document: BookDocument, workerFile: string, kind: ExportKind, path: string): Promise<WorkerWaits> {
  const { services, documentId, storePath, nativeBinding } = document;
  const jobs = exportJobs(storePath, { file: workerFile }, nativeBinding);
  const exportOnce = () => {
    const request = services.documents.exportRequest(documentId, kind);
    return jobs.run(request, path, (written) => services.documents.recordExport(request, written));
  };
  try {
    const started = performance.now();
    const exporting = exportOnce();
    const waits = await waitsWhile(document, () => jobs.running(documentId), exporting);
    await exporting;
    const exportMs = performance.now() - started;
    const secondStarted = performance.now();
    await exportOnce();
    return { ...waits, exportMs, secondMs: performance.now() - secondStarted };
  } finally {
    await jobs.close();
  }
}

const exportWait: RowModule = {
  // In a process of its own, the book checked whole in a worker thread first (the report shows its flags).
  order: 80,
  alone: true,
  async rows(document) {
    const { services, documentId, workDir } = document;
    await checkInWorker(document, documentId);
    const workerFile = await bundledWorker('exportWorker', document.size);
    const rows: BenchRow[] = [];
    const cases: Array<[ExportKind, string, (path: string) => void]> = [
      ['original', 'original format', (path) => services.documents.exportToFile(documentId, path)],
      ['html', 'HTML report', (path) => services.report.exportHtml(documentId, path)],
    ];
    for (const [kind, what, write] of cases) {
      // The worker first: the export on the request path leaves this process its garbage to collect.
      const after = await inWorker(document, workerFile, kind, join(workDir, `wait-worker.${kind}`));
      const before = await onRequestPath(document, () => write(join(workDir, `wait-direct.${kind}`)));
      const quiet = await idle(document, Math.min(after.exportMs, 5_000));
      const about =
        `a page of ${PAGE} asked every ${EVERY_MS} ms while the export runs, the longest wait from when it was due to its answer; ` +
        `over 50 ms: ${after.over50} of ${after.requests} requests (worker), ${before.over50} of ${before.requests} (request path); ` +
        `with nothing else running the longest was ${quiet.longest.toFixed(1)} ms (${quiet.over50} of ${quiet.requests} over 50 ms)`;
      rows.push({
        key: `export-wait-${kind}`,
        label: `a request during an export (${what}), longest wait: export worker`,
        value: after.longest,
        unit: 'ms',
        baseline: { label: 'on the request path', value: before.longest, about },
      });
      rows.push({
        key: `export-time-${kind}`,
        label: `export (${what}) to the file in place: export worker, thread start included`,
        value: after.exportMs,
        unit: 'ms',
        baseline: { label: 'on the request path', value: before.exportMs, about: 'from the call to the file renamed into place' },
      });
      rows.push({
        key: `export-again-${kind}`,
        label: `the next export (${what}) to the file in place: export worker, kept from the export before`,
        value: after.secondMs,
        unit: 'ms',
        baseline: { label: 'on the request path', value: before.exportMs, about: 'the same export again at once, through the same export jobs' },
      });
    }
    return rows;
  },
};

export default exportWait;

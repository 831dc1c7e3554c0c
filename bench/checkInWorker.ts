import { wholeChecks } from '../services/wholeChecks';
import { sourceWorkerEntry } from '../services/workerEntry';
import type { BookDocument } from './table';

/**
 * Checks a document whole in a worker thread, as the app does once a document is opened; resolves with the ms it
 * took, thread start included. The rows that time requests set their document up this way: a whole check run in
 * the bench's own process (a from-scratch baseline elsewhere) leaves it gigabytes the app's main process never
 * holds, and the collector's pauses would be timed as waits.
 */
export async function checkInWorker(document: Pick<BookDocument, 'storePath' | 'nativeBinding'>, documentId: number): Promise<number> {
  const checks = wholeChecks(document.storePath, sourceWorkerEntry('wholeCheckWorker'), document.nativeBinding);
  const started = performance.now();
  try {
    await checks.start(documentId);
    return performance.now() - started;
  } finally {
    await checks.close();
  }
}

/**
 * The worker thread that checks a document whole off the request path: it opens its own connection to the
 * store (WAL lets it read while the window's connection writes), runs the stored-flags machinery's whole check a
 * slice at a time, reports progress between slices, stops when told, and stores the result in one transaction
 * that also takes in sentences saved meanwhile. Started by wholeChecks.ts; no Electron here, so tests and the
 * CLI run it too.
 */
import { parentPort } from 'node:worker_threads';
import { RedlineError } from '../core/model/errors';
import { openDatabase } from '../db/connection';
import { createStore } from '../db/store';
import { documentOptions } from './checkOptions';
import { jobFailed } from './jobThread';
import { storedFlags } from './storedFlags';

export interface WholeCheckRequest {
  kind: 'start';
  databaseFile: string;
  documentId: number;
  nativeBinding?: string | undefined;
}

export type WholeCheckMessage =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'done' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; code: string; message: string };

/** Runs one whole check, telling `post` how far it got; `cancelled` is asked between slices. */
export async function runWholeCheck(
  request: WholeCheckRequest,
  post: (message: WholeCheckMessage) => void,
  cancelled: () => boolean,
): Promise<void> {
  let store: ReturnType<typeof createStore> | undefined;
  try {
    store = createStore(openDatabase(request.databaseFile, { nativeBinding: request.nativeBinding }));
    if (!store.documents.exists(request.documentId)) {
      throw new RedlineError('not_found', `There is no document with id ${request.documentId}.`);
    }
    const steps = storedFlags(store, documentOptions(store).of).checkWholeSteps(request.documentId);
    for (;;) {
      // Between slices the thread's event loop runs, so a cancel message is seen.
      await new Promise((resolve) => setImmediate(resolve));
      if (cancelled()) {
        steps.return();
        post({ kind: 'cancelled' });
        return;
      }
      const next = steps.next();
      if (next.done) break;
      post({ kind: 'progress', done: next.value.done, total: next.value.total });
    }
    post({ kind: 'done' });
  } catch (error) {
    post(jobFailed(error, request.databaseFile));
  } finally {
    store?.close();
  }
}

const port = parentPort;
if (port) {
  let stop = false;
  port.on('message', (message: WholeCheckRequest | { kind: 'cancel' }) => {
    if (message.kind === 'cancel') stop = true;
    else void runWholeCheck(message, (m) => port.postMessage(m), () => stop).finally(() => port.close());
  });
}

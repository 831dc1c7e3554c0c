/**
 * The worker thread that measures a document with TER options other than the stored ones (see migration 0009:
 * the writes keep the default options' figures only), off the request path: it opens its own read-only
 * connection, reads the sentences and the store's newest revision id in one snapshot, measures them a slice at a
 * time and reports progress between slices (a cancel terminates the thread: it only reads). Started by metricsJobs.ts; no Electron here, so
 * tests run it too.
 */
import { metricsTally, type DocumentMetrics } from '../core/metrics/documentMetrics';
import type { TerOptions } from '../core/metrics/tercomTokenize';
import { RedlineError } from '../core/model/errors';
import { openReadOnly } from '../db/readOnlyConnection';
import { createStore } from '../db/store';
import { answerFirstRequest, jobFailed, type JobFailed } from './jobThread';

export interface MetricsWorkerRequest {
  kind: 'start';
  databaseFile: string;
  nativeBinding?: string | undefined;
  documentId: number;
  options: Required<TerOptions>;
}

export type MetricsWorkerMessage =
  | { kind: 'progress'; done: number; total: number }
  /** `revision`: the newest revision id of the snapshot measured, to tell later whether the figures are current. */
  | { kind: 'done'; metrics: DocumentMetrics; revision: number }
  | JobFailed;

/** Sentences measured between two progress reports. */
const SLICE = 1_000;

/** Measures one document, telling `post` how far it got. */
export function runMetrics(request: MetricsWorkerRequest, post: (message: MetricsWorkerMessage) => void): void {
  let db: ReturnType<typeof openReadOnly> | undefined;
  try {
    db = openReadOnly(request.databaseFile, { nativeBinding: request.nativeBinding });
    const store = createStore(db);
    // One snapshot: the sentences read are exactly the store as of the revision stamp read with them.
    db.exec('BEGIN');
    if (!store.documents.summary(request.documentId)) {
      throw new RedlineError('not_found', `There is no document with id ${request.documentId}.`);
    }
    const revision = store.revisions.newestId();
    const segments = store.segments.measured(request.documentId);
    db.exec('COMMIT');
    const tally = metricsTally(request.options);
    for (let at = 0; at < segments.length; at += SLICE) {
      post({ kind: 'progress', done: at, total: segments.length });
      const end = Math.min(segments.length, at + SLICE);
      for (let i = at; i < end; i++) tally.add(segments[i]!);
    }
    post({ kind: 'done', metrics: tally.result(), revision });
  } catch (error) {
    post(jobFailed(error, request.databaseFile));
  } finally {
    db?.close();
  }
}

answerFirstRequest(runMetrics);

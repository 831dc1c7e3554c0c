/**
 * The worker thread that measures a document with TER options other than the stored ones (see migration 0009:
 * the writes keep the default options' figures only), off the request path: it reads the sentences and the
 * store's newest revision id in one snapshot on its own read-only connection, measures them a slice at a time
 * and reports progress between slices (a cancel terminates the thread: it only reads). It answers one request
 * after another and keeps its connection between them (started and kept by metricsJobs.ts through
 * keptThreads.ts). No Electron here, so tests run it too.
 */
import { metricsTally, type DocumentMetrics } from '../core/metrics/documentMetrics';
import type { TerOptions } from '../core/metrics/tercomTokenize';
import { RedlineError } from '../core/model/errors';
import { answerEachRequest, jobFailed, keptConnection, type JobFailed } from './jobThread';

export interface MetricsWorkerRequest {
  kind: 'start';
  /** Numbers the thread's jobs: every message it posts for this one carries it. */
  id: number;
  databaseFile: string;
  nativeBinding?: string | undefined;
  documentId: number;
  options: Required<TerOptions>;
}

/** What the thread tells of a measuring. */
type Said =
  | { kind: 'progress'; done: number; total: number }
  /** `revision`: the newest revision id of the snapshot measured, to tell later whether the figures are current. */
  | { kind: 'done'; metrics: DocumentMetrics; revision: number }
  | JobFailed;

/** What the thread posts: what it tells, with the id of the job it tells it of. */
export type MetricsWorkerMessage = Said & { id: number };

/** The connection kept from one measuring to the next. */
const connection = keptConnection();

/** Sentences measured between two progress reports. */
const SLICE = 1_000;

/** Measures one document on the kept connection, telling `post` how far it got. */
export function runMetrics(request: MetricsWorkerRequest, postMessage: (message: MetricsWorkerMessage) => void): void {
  const post = (message: Said) => postMessage({ ...message, id: request.id });
  try {
    const { db, store } = connection.of(request);
    // One snapshot, taken now: the sentences read are exactly the store as of the revision stamp read with them.
    db.exec('BEGIN');
    let revision: number;
    let segments: ReturnType<typeof store.segments.measured>;
    try {
      if (!store.documents.summary(request.documentId)) {
        throw new RedlineError('not_found', `There is no document with id ${request.documentId}.`);
      }
      revision = store.revisions.newestId();
      segments = store.segments.measured(request.documentId);
    } finally {
      if (db.inTransaction) db.exec('COMMIT');
    }
    const tally = metricsTally(request.options);
    for (let at = 0; at < segments.length; at += SLICE) {
      post({ kind: 'progress', done: at, total: segments.length });
      const end = Math.min(segments.length, at + SLICE);
      for (let i = at; i < end; i++) tally.add(segments[i]!);
    }
    post({ kind: 'done', metrics: tally.result(), revision });
  } catch (error) {
    try {
      connection.drop();
    } finally {
      post(jobFailed(error, request.databaseFile));
    }
  }
}

answerEachRequest(runMetrics);

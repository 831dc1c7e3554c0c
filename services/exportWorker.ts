/**
 * The worker thread that computes exports off the request path: it opens its own read-only connection to the
 * store and runs each export's steps (exportContent.ts) in a read transaction of its own (WAL gives it one snapshot
 * of the document, the latest committed, while the window's connection keeps writing), posting how far it is, and
 * writes the bytes to the temporary file it was given. Renaming that file into place and recording the export is
 * the starter's (exportJobs.ts): a cancel or a failure leaves nothing under the chosen name. The thread answers
 * one request after another and keeps its connection between them, so the next export pays neither the thread's
 * start nor the connection's. No Electron here, so tests and the bench run it too.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { RedlineError } from '../core/model/errors';
import type { ExportProgress } from '../core/model/exportProgress';
import { systemClock } from '../db/clock';
import type { Store } from '../db/store';
import { annotationService } from './annotationService';
import { batchService } from './batchService';
import { documentOptions } from './checkOptions';
import { checkService } from './checkService';
import { exportSteps, type ExportRequest } from './exportContent';
import { reportService } from './reportService';
import { segmentService } from './segmentService';
import { stateOnlySpellers } from './spelling';
import { storedFlags } from './storedFlags';
import { answerEachRequest, jobFailed, keptConnection, type JobFailed } from './jobThread';

export interface ExportWorkerRequest {
  kind: 'start';
  /** Numbers the thread's exports: every message it posts for this one carries it. */
  id: number;
  databaseFile: string;
  nativeBinding?: string | undefined;
  export: ExportRequest;
  /** Where the bytes go: a hidden file beside `path`, renamed into place by the starter. */
  tempPath: string;
  /** The file the editor chose, for messages. */
  path: string;
}

/** What the thread tells of an export. */
type Said = { kind: 'progress'; progress: ExportProgress } | { kind: 'written'; bytes: number } | JobFailed;

/** What the thread posts: what it tells, with the id of the export it tells it of. */
export type ExportWorkerMessage = Said & { id: number };

/** The connection kept from one export to the next. */
const connection = keptConnection();

/** Bytes written between two progress reports. */
const WRITE_CHUNK = 1024 * 1024;

/**
 * The report's services over a read-only store: they only read (the flags must already be stored), so no
 * dictionary is built — the thread stays small while it is kept for the next export.
 */
function readOnlyReport(store: Store) {
  const options = documentOptions(store, { spellers: stateOnlySpellers() });
  const flags = storedFlags(store, options.of);
  const segments = segmentService(store, systemClock, flags.afterWrite);
  const checks = checkService(store, batchService(store, segments, systemClock), systemClock, flags, options);
  return { checks, report: reportService(store, checks, annotationService(store, systemClock), systemClock) };
}

function writeInChunks(file: string, bytes: Uint8Array, post: (message: Said) => void): void {
  const fd = openSync(file, 'w');
  try {
    for (let at = 0; at < bytes.length; at += WRITE_CHUNK) {
      post({ kind: 'progress', progress: { phase: 'writing', done: at, total: bytes.length } });
      const end = Math.min(bytes.length, at + WRITE_CHUNK);
      for (let written = at; written < end; ) written += writeSync(fd, bytes, written, end - written);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs one export to its temporary file on the kept connection, telling `post` how far it got, then 'written' or
 * 'failed'. A failure also drops the connection (the next export opens it again): whatever went wrong, nothing of
 * it is carried into the next.
 */
export function runExport(request: ExportWorkerRequest, postMessage: (message: ExportWorkerMessage) => void): void {
  const post = (message: Said) => postMessage({ ...message, id: request.id });
  try {
    const { db, store } = connection.of(request);
    const { checks, report } = readOnlyReport(store);
    // One snapshot for the whole export, taken now: a save landing meanwhile is either wholly in it or not at all.
    db.exec('BEGIN');
    let bytes: Buffer;
    try {
      if (request.export.kind === 'html' && !checks.isChecked(request.export.documentId)) {
        // The starter waits for the first whole check; its settings changed since (a glossary imported).
        throw new RedlineError('cancelled', 'The document’s flags changed while the report was being made: export it again.');
      }
      const steps = exportSteps(store, report, request.export);
      for (;;) {
        const next = steps.next();
        if (next.done) {
          bytes = next.value;
          break;
        }
        post({ kind: 'progress', progress: next.value });
      }
    } finally {
      // Ended either way: an idle connection holds no snapshot, so checkpoints can take the whole WAL back.
      if (db.inTransaction) db.exec('COMMIT');
    }
    try {
      writeInChunks(request.tempPath, bytes, post);
    } catch (error) {
      throw new RedlineError('io', `Cannot write ${request.path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
    }
    post({ kind: 'written', bytes: bytes.length });
  } catch (error) {
    rmSync(request.tempPath, { force: true });
    try {
      connection.drop();
    } finally {
      post(jobFailed(error, request.databaseFile));
    }
  }
}

answerEachRequest(runExport);

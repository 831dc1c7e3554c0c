/**
 * The worker thread that computes an export off the request path: it opens its own read-only connection to the
 * store (WAL gives it one snapshot of the document while the window's connection keeps writing), runs the
 * export's steps (exportContent.ts), posting how far it is, and writes the bytes to the temporary file it was
 * given. Renaming that file into place and recording the export is the starter's (exportJobs.ts): a cancel or a
 * failure leaves nothing under the chosen name. No Electron here, so tests and the bench run it too.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { RedlineError } from '../core/model/errors';
import type { ExportProgress } from '../core/model/exportProgress';
import { systemClock } from '../db/clock';
import { openReadOnly } from '../db/readOnlyConnection';
import { createStore, type Store } from '../db/store';
import { annotationService } from './annotationService';
import { batchService } from './batchService';
import { documentOptions } from './checkOptions';
import { checkService } from './checkService';
import { exportSteps, type ExportRequest } from './exportContent';
import { reportService } from './reportService';
import { segmentService } from './segmentService';
import { storedFlags } from './storedFlags';
import { answerFirstRequest, jobFailed, type JobFailed } from './jobThread';

export interface ExportWorkerRequest {
  kind: 'start';
  databaseFile: string;
  nativeBinding?: string | undefined;
  export: ExportRequest;
  /** Where the bytes go: a hidden file beside `path`, renamed into place by the starter. */
  tempPath: string;
  /** The file the editor chose, for messages. */
  path: string;
}

export type ExportWorkerMessage =
  | { kind: 'progress'; progress: ExportProgress }
  | { kind: 'written'; bytes: number }
  | JobFailed;

/** Bytes written between two progress reports. */
const WRITE_CHUNK = 1024 * 1024;

/** The report's services over a read-only store: they only read (the flags must already be stored). */
function readOnlyReport(store: Store) {
  const options = documentOptions(store);
  const flags = storedFlags(store, options.of);
  const segments = segmentService(store, systemClock, flags.afterWrite);
  const checks = checkService(store, batchService(store, segments, systemClock), systemClock, flags, options);
  return { checks, report: reportService(store, checks, annotationService(store, systemClock), systemClock) };
}

function writeInChunks(file: string, bytes: Uint8Array, post: (message: ExportWorkerMessage) => void): void {
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

/** Runs one export to its temporary file, telling `post` how far it got, then 'written' or 'failed'. */
export function runExport(request: ExportWorkerRequest, post: (message: ExportWorkerMessage) => void): void {
  let db: ReturnType<typeof openReadOnly> | undefined;
  try {
    db = openReadOnly(request.databaseFile, { nativeBinding: request.nativeBinding });
    const store = createStore(db);
    const { checks, report } = readOnlyReport(store);
    // One snapshot for the whole export: a save landing meanwhile is either wholly in it or not at all.
    db.exec('BEGIN');
    if (request.export.kind === 'html' && !checks.isChecked(request.export.documentId)) {
      // The starter waits for the first whole check; its settings changed since (a glossary imported).
      throw new RedlineError('cancelled', 'The document’s flags changed while the report was being made: export it again.');
    }
    const steps = exportSteps(store, report, request.export);
    let bytes: Buffer;
    for (;;) {
      const next = steps.next();
      if (next.done) {
        bytes = next.value;
        break;
      }
      post({ kind: 'progress', progress: next.value });
    }
    db.exec('COMMIT');
    try {
      writeInChunks(request.tempPath, bytes, post);
    } catch (error) {
      throw new RedlineError('io', `Cannot write ${request.path} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
    }
    post({ kind: 'written', bytes: bytes.length });
  } catch (error) {
    rmSync(request.tempPath, { force: true });
    post(jobFailed(error, request.databaseFile));
  } finally {
    db?.close();
  }
}

answerFirstRequest(runExport);

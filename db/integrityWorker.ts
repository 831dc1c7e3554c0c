import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * SQLite's full integrity_check of a store, run in a worker thread over its own read-only connection, so a large
 * store (about 5 s at 100,000 sentences) is checked without holding up the window or the request path. The
 * open connection keeps working meanwhile (WAL: the reader sees the last committed state).
 *
 * The worker is plain CommonJS given as text, so it needs no bundling of its own in the app's build; it is
 * handed the resolved path of better-sqlite3 (and the addon when the caller names one).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.path, Object.assign({ readonly: true, fileMustExist: true }, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}));
  const rows = db.pragma('integrity_check').map((row) => row.integrity_check);
  parentPort.postMessage({ ok: true, found: rows.length === 1 && rows[0] === 'ok' ? null : rows.slice(0, 5).join('; ') });
} catch (error) {
  parentPort.postMessage({ ok: false, code: error && error.code, message: String(error && error.message || error) });
} finally {
  if (db) db.close();
}
`;

export interface IntegrityOptions {
  nativeBinding?: string | undefined;
}

/** What the check found: null when every page is sound, else SQLite's first findings. */
export type IntegrityResult = string | null;

const betterSqlite3Path = (): string => createRequire(__filename).resolve('better-sqlite3');

/**
 * Runs integrity_check on the store at `path` in a worker. Resolves with null (sound) or what SQLite found;
 * a store SQLite cannot read at all (SQLITE_CORRUPT, SQLITE_NOTADB) counts as found damage, other failures
 * (the file removed, a worker that cannot start) reject.
 */
export function checkIntegrityInBackground(path: string, options: IntegrityOptions = {}): Promise<IntegrityResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path, module: betterSqlite3Path(), nativeBinding: options.nativeBinding },
    });
    let settled = false;
    worker.once('message', (message: { ok: true; found: string | null } | { ok: false; code?: string; message: string }) => {
      settled = true;
      if (message.ok) resolve(message.found);
      else if (message.code === 'SQLITE_CORRUPT' || message.code === 'SQLITE_NOTADB') resolve(message.message);
      else reject(new Error(message.message));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The integrity check stopped before answering (exit code ${code}).`));
    });
  });
}

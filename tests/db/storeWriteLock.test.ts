import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { createStore } from '../../db/store';
import { insertDocument, nativeBinding } from './testDb';

/** Another connection (the whole-check worker) takes the write lock, holds it a moment, then commits. */
const HOLDER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path, { nativeBinding: workerData.nativeBinding });
db.exec('BEGIN IMMEDIATE');
db.prepare("UPDATE documents SET title = 'Held' WHERE id = 1").run();
parentPort.postMessage('locked');
const until = Date.now() + workerData.holdMs;
while (Date.now() < until) {}
db.exec('COMMIT');
db.close();
parentPort.postMessage('released');
`;

describe('a store transaction meeting another connection’s write', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('waits for the lock (IMMEDIATE, within busy_timeout) instead of failing with SQLITE_BUSY on its first write', async () => {
    dir = mkdtempSync(join(tmpdir(), 'redline-lock-'));
    const path = join(dir, 'redline.sqlite');
    const store = createStore(openDatabase(path, { nativeBinding: nativeBinding() }));
    const { segmentIds } = insertDocument(store, [{ text: 'One.' }]);
    const worker = new Worker(HOLDER, {
      eval: true,
      workerData: { path, module: createRequire(import.meta.url).resolve('better-sqlite3'), nativeBinding: nativeBinding(), holdMs: 300 },
    });
    const released = new Promise<void>((resolve) => worker.on('message', (m) => m === 'released' && resolve()));
    await new Promise<void>((resolve) => worker.once('message', () => resolve()));
    // A write that reads first, as every service write does.
    store.transaction(() => {
      store.segments.get(segmentIds[0]!);
      store.revisions.append(segmentIds[0]!, 'One!', 'edit', 1, { status: 'edited' });
    });
    await released;
    await worker.terminate();
    expect(store.documents.list()[0]?.title).toBe('Held');
    expect(store.revisions.forSegment(segmentIds[0]!).map((r) => r.text)).toContain('One!');
    store.close();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/connection';
import { createStore } from '../../db/store';
import { fixedClock, insertDocument, makeTempDir, nativeBinding } from './testDb';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!();
});

function fileStore() {
  const { dir, cleanup } = makeTempDir();
  const path = join(dir, 'store.db');
  const db = openDatabase(path, { clock: fixedClock, nativeBinding: nativeBinding() });
  cleanups.push(cleanup, () => db.close());
  return { db, store: createStore(db), path };
}

const automatic = (db: ReturnType<typeof openDatabase>) => db.pragma('wal_autocheckpoint', { simple: true });

describe('checkpoint control', () => {
  it('turns automatic checkpoints off until the last deferral is released, then back to what they were', () => {
    const { db, store } = fileStore();
    db.pragma('wal_autocheckpoint = 700');
    const first = store.checkpoints.defer();
    const second = store.checkpoints.defer();
    expect(automatic(db)).toBe(0);
    first();
    first(); // a second release of the same deferral changes nothing
    expect(automatic(db)).toBe(0);
    second();
    expect(automatic(db)).toBe(700);
  });

  it('leaves commits in the WAL while deferred, and copies them into the database file when run', () => {
    const { store, path } = fileStore();
    const release = store.checkpoints.defer();
    const fileBytes = () => statSync(path).size;
    const before = fileBytes();
    insertDocument(store, Array.from({ length: 8_000 }, (_, i) => ({ text: `Sentence ${i} of a document long enough to pass a thousand pages.` })));
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(1000 * 4096);
    expect(fileBytes()).toBe(before);
    store.checkpoints.run();
    expect(fileBytes()).toBeGreaterThan(before + 1000 * 4096);
    release();
  });

  it('does nothing inside a transaction, where SQLite cannot checkpoint', () => {
    const { store } = fileStore();
    expect(() => store.transaction(() => store.checkpoints.run())).not.toThrow();
  });
});

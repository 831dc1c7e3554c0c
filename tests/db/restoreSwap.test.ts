import { readdirSync, type PathLike } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupNow, restoreBackup } from '../../db/backups';
import { openDatabase } from '../../db/connection';
import { createStore } from '../../db/store';
import { insertDocument, makeTempDir, nativeBinding, NOW } from './testDb';

/** The path the next rename into fails, once, as on a disk that refuses it then (null: renames work). */
const refused = vi.hoisted(() => ({ target: null as string | null }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const renameSync = (from: PathLike, to: PathLike): void => {
    if (to === refused.target) {
      refused.target = null;
      throw Object.assign(new Error(`EACCES: permission denied, rename '${String(from)}' -> '${String(to)}'`), { code: 'EACCES' });
    }
    fs.renameSync(from, to);
  };
  return { ...fs, renameSync, default: { ...fs, renameSync } };
});

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'redline.sqlite');
});
afterEach(() => {
  refused.target = null;
  temp.cleanup();
});

const options = () => ({ nativeBinding: nativeBinding() });
const openDb = () => openDatabase(file, { clock: () => NOW, nativeBinding: nativeBinding() });
const open = () => createStore(openDb());

describe('restoreBackup when the restored copy cannot be moved in', () => {
  it('leaves the store that was there in place, with everything in it', async () => {
    const db = openDb();
    const store = createStore(db);
    insertDocument(store, [{ text: 'Kept.' }], { title: 'In the backup' });
    const backup = await backupNow(db, file, 'manual', NOW, options());
    insertDocument(store, [{ text: 'Added.' }], { title: 'Since the backup' });
    store.close();

    refused.target = file;
    expect(() => restoreBackup(file, backup.path, NOW + 5, options())).toThrow(/EACCES/);

    expect(readdirSync(temp.dir).sort()).toEqual(['backups', 'redline.sqlite']);
    const after = open();
    expect(after.documents.list().map((d) => d.title).sort()).toEqual(['In the backup', 'Since the backup']);
    after.close();
  });
});

import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIntegrityInBackground } from '../../db/integrityWorker';
import { createStore } from '../../db/store';
import { openDatabase } from '../../db/connection';
import { insertDocument, makeTempDir, nativeBinding, NOW } from './testDb';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'redline.sqlite');
});
afterEach(() => temp.cleanup());

function fill(): void {
  const store = createStore(openDatabase(file, { clock: () => NOW, nativeBinding: nativeBinding() }));
  for (let d = 0; d < 10; d++) insertDocument(store, Array.from({ length: 40 }, (_, k) => ({ text: `Sentence ${k} of document ${d}. `.repeat(4) })));
  store.close();
}

describe('checkIntegrityInBackground', () => {
  it('answers null for a sound store, while the store stays open for writing', async () => {
    fill();
    const db = openDatabase(file, { clock: () => NOW, nativeBinding: nativeBinding() });
    const checked = checkIntegrityInBackground(file, { nativeBinding: nativeBinding() });
    insertDocument(createStore(db), [{ text: 'Written while the check runs.' }]);
    expect(await checked).toBeNull();
    db.close();
  });

  it('answers what SQLite found in a store damaged in the middle', async () => {
    fill();
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(16 * 4096, 0xa5), 0, 16 * 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    expect(await checkIntegrityInBackground(file, { nativeBinding: nativeBinding() })).toMatch(/./);
  });

  it('counts a file that is not a database as damage, and rejects when there is no file', async () => {
    writeFileSync(file, Buffer.alloc(8192, 0x41));
    expect(await checkIntegrityInBackground(file, { nativeBinding: nativeBinding() })).toMatch(/not a database/);
    await expect(checkIntegrityInBackground(join(temp.dir, 'missing.sqlite'), { nativeBinding: nativeBinding() })).rejects.toThrow();
  });
});

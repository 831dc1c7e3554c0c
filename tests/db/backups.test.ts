import { existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFolder, backupNow, DAILY_BACKUPS_KEPT, DAY_MS, dailyBackupDue, listBackups, restoreBackup } from '../../db/backups';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { createStore } from '../../db/store';
import { createServices } from '../../services';
import { openPreparedServices } from '../../services/openPrepared';
import { insertDocument, makeTempDir, nativeBinding, NOW, openRaw } from './testDb';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'redline.sqlite');
});
afterEach(() => temp.cleanup());

const options = () => ({ nativeBinding: nativeBinding() });
const open = () => openDatabase(file, { clock: () => NOW, nativeBinding: nativeBinding() });

/** A store with `documents` documents of `sentences` sentences each. */
function fill(documents: number, sentences = 3): void {
  const store = createStore(open());
  for (let d = 0; d < documents; d++) {
    insertDocument(store, Array.from({ length: sentences }, (_, k) => ({ text: `Sentence ${k} of document ${d}, with some words to fill a page. `.repeat(2) })));
  }
  store.close();
}

/** Overwrites 64 KiB in the middle of the file, as a failing disk would. */
function damage(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, Math.floor(size / 2 / 4096) * 4096);
  closeSync(fd);
}

describe('backups', () => {
  it('writes a verified copy next to the store, listed with its date and document count', async () => {
    fill(2);
    const db = open();
    const daily = await backupNow(db, file, 'daily', NOW, options());
    const manual = await backupNow(db, file, 'manual', NOW + 1000, options());
    db.close();
    expect(daily.path.startsWith(backupFolder(file))).toBe(true);
    expect(listBackups(file, options()).map((b) => [b.kind, b.createdAt, b.documents])).toEqual([
      ['manual', NOW + 1000, 2],
      ['daily', NOW, 2],
    ]);
    expect(manual.documents).toBe(2);
  });

  it('is due when the newest daily copy is a day old, or there is none', async () => {
    fill(1);
    expect(dailyBackupDue(file, NOW)).toBe(true);
    const db = open();
    await backupNow(db, file, 'daily', NOW, options());
    db.close();
    expect(dailyBackupDue(file, NOW + DAY_MS - 1)).toBe(false);
    expect(dailyBackupDue(file, NOW + DAY_MS)).toBe(true);
  });

  it(`keeps the ${DAILY_BACKUPS_KEPT} newest daily copies and every pre-migration one`, async () => {
    fill(1);
    const db = open();
    await backupNow(db, file, 'pre-migration', NOW - 100 * DAY_MS, options());
    for (let day = 0; day < DAILY_BACKUPS_KEPT + 3; day++) await backupNow(db, file, 'daily', NOW + day * DAY_MS, options());
    db.close();
    const kept = listBackups(file, options());
    expect(kept.filter((b) => b.kind === 'daily').map((b) => (b.createdAt - NOW) / DAY_MS)).toEqual([9, 8, 7, 6, 5, 4, 3]);
    expect(kept.filter((b) => b.kind === 'pre-migration')).toHaveLength(1);
  });

  it('copies a store with work in it before migrating it (prepared by the entry point), and not a new one', async () => {
    const raw = openRaw(file);
    migrate(raw, () => NOW, MIGRATIONS.slice(0, 1));
    raw.close();
    const services = await openPreparedServices(file, { clock: () => NOW, nativeBinding: nativeBinding() }, createServices);
    services.close();
    expect(listBackups(file, options()).map((b) => b.kind)).toEqual(['pre-migration']);
    const fresh = join(temp.dir, 'fresh', 'redline.sqlite');
    (await openPreparedServices(fresh, { clock: () => NOW, nativeBinding: nativeBinding() }, createServices)).close();
    expect(listBackups(fresh, options())).toEqual([]);
  });

  it('takes two copies made in the same millisecond as two files, and an empty file for no copy', async () => {
    fill(1);
    const db = open();
    const [a, b] = await Promise.all([backupNow(db, file, 'manual', NOW, options()), backupNow(db, file, 'manual', NOW, options())]);
    db.close();
    expect(a.path).not.toBe(b.path);
    writeFileSync(join(backupFolder(file), `redline-daily-${NOW + 5}.sqlite`), '');
    expect(listBackups(file, options()).map((c) => [c.kind, c.documents])).toEqual([
      ['manual', 1],
      ['manual', 1],
    ]);
  });

  it('refuses to open a damaged store, and restores the newest good backup, keeping the damaged file aside', async () => {
    fill(20, 40);
    const db = open();
    const backup = await backupNow(db, file, 'daily', NOW, options());
    db.close();
    damage(file);
    // Checked on open whatever its size (the store of 20 documents is about the default limit of 1 MiB).
    const openChecked = () => openDatabase(file, { clock: () => NOW, nativeBinding: nativeBinding(), quickCheckMaxBytes: 64 * 1024 * 1024 });
    expect(() => openChecked()).toThrow(expect.objectContaining({ code: 'damaged', message: expect.stringMatching(/is damaged.*Restore the newest backup/) }));

    const { replaced } = restoreBackup(file, backup.path, NOW + 5, options());
    expect(replaced).toBe(`${file}.replaced-${NOW + 5}`);
    expect(existsSync(replaced!)).toBe(true);
    const restored = createStore(open());
    expect(restored.documents.list()).toHaveLength(20);
    restored.close();
  });

  it('refuses to restore a damaged backup and leaves the store alone', async () => {
    fill(20, 40);
    const db = open();
    const backup = await backupNow(db, file, 'daily', NOW, options());
    db.close();
    damage(backup.path);
    expect(() => restoreBackup(file, backup.path, NOW, options())).toThrow(expect.objectContaining({ code: 'damaged' }));
    expect(readdirSync(temp.dir).sort()).toEqual(['backups', 'redline.sqlite']);
  });
});

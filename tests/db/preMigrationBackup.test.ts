import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RedlineError } from '../../core/model/errors';
import { backupFolder, listBackups } from '../../db/backups';
import { openDatabase } from '../../db/connection';
import { prepareStore, UpgradeNotPrepared } from '../../db/preMigrationBackup';
import { MIGRATIONS } from '../../db/migrations';
import { openAppStore } from '../../electron/storeOpening';
import { createServices, type ServiceOptions } from '../../services';
import { openPreparedServices } from '../../services/openPrepared';
import { storeAt } from './migrations/upgrade';
import { makeTempDir, nativeBinding, NOW, openRaw } from './testDb';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'redline.sqlite');
});
afterEach(() => {
  vi.restoreAllMocks();
  temp.cleanup();
});

const binding = () => ({ nativeBinding: nativeBinding() });
const LAST = MIGRATIONS.length;
/** An older release with data written in its own SQL (tests/db/migrations/upgrade.ts fills up to there). */
const OLD = 5;

/**
 * Writes a store at an older release (two documents, their sentences and edits, in that release's SQL)
 * to `file`, with free pages in it: the online backup API copies pages as they are, free ones included, while
 * VACUUM INTO writes a compacted file with none, so the copy's freelist tells which made it.
 */
function oldStore(path = file): { freePages: number; pages: number; sha: string } {
  const db = storeAt(OLD);
  db.exec('CREATE TABLE scratch (x BLOB); WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 60) INSERT INTO scratch SELECT randomblob(4000) FROM n');
  db.exec('DROP TABLE scratch');
  const freePages = db.pragma('freelist_count', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  writeFileSync(path, db.serialize());
  db.close();
  // As Redline leaves its stores: in WAL mode (the open would otherwise switch it, writing the header).
  const raw = openRaw(path);
  raw.pragma('journal_mode = WAL');
  raw.close();
  return { freePages, pages, sha: sha(path) };
}

/** The documents the older release's fills wrote (tests/db/migrations/upgrade.ts). */
const OLD_DOCUMENTS = 3;

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const versions = (path = file): number => {
  const db = openRaw(path);
  try {
    return db.prepare('SELECT count(*) FROM schema_migrations').pluck().get() as number;
  } finally {
    db.close();
  }
};

/** Opens through the app's entry point (electron/storeOpening.ts), recording native boxes. */
async function openLikeTheApp(extra: Partial<ServiceOptions> = {}) {
  const boxes: string[] = [];
  const services = await openAppStore(file, {
    createServices: (path, options) => createServices(path, { ...options, ...extra, clock: () => NOW }),
    showErrorBox: (_title, message) => boxes.push(message),
    nativeBinding: nativeBinding(),
  });
  return { services, boxes };
}

describe('the copy before a migration', () => {
  it('is made by the app entry point with the online backup API, verified, before the open migrates', async () => {
    const before = oldStore();
    expect(before.freePages).toBeGreaterThan(0);
    const backup = vi.spyOn(Database.prototype, 'backup');

    const { services, boxes } = await openLikeTheApp();

    expect(boxes).toEqual([]);
    expect(services?.health()).toEqual({ state: 'sound', checking: false });
    expect(services?.documents.list().map((d) => d.title)).toEqual(expect.arrayContaining(['Almaty notes', 'Kazakhstan']));
    expect(services?.documents.list()).toHaveLength(OLD_DOCUMENTS);
    services?.close();
    expect(versions()).toBe(LAST);

    const copies = listBackups(file, binding());
    expect(copies.map((c) => [c.kind, c.documents])).toEqual([['pre-migration', OLD_DOCUMENTS]]);
    const copy = copies[0]!;
    // The backup API wrote it (called with the copy's path), page for page: same pages, free ones included.
    expect(backup).toHaveBeenCalledTimes(1);
    expect(backup.mock.calls[0]![0]).toBe(copy.path);
    const copied = new Database(copy.path, { readonly: true, ...binding() });
    expect(copied.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copied.pragma('freelist_count', { simple: true })).toBe(before.freePages);
    expect(copied.pragma('page_count', { simple: true })).toBe(before.pages);
    // It holds the store as it was before the migration: the older schema, and the same documents.
    expect(copied.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(OLD);
    copied.close();
  });

  it('is not made for a new store, nor for one already at this version', async () => {
    const backup = vi.spyOn(Database.prototype, 'backup');
    const first = await openLikeTheApp();
    first.services?.documents.importText({ fileName: 'a.txt', title: 'A', text: 'One. Two.', hasBom: false });
    first.services?.close();
    const again = await openLikeTheApp();
    again.services?.close();
    expect(backup).not.toHaveBeenCalled();
    expect(existsSync(backupFolder(file))).toBe(false);
  });

  it('when it cannot be written (a full disk), the store is not migrated and the app says why in words', async () => {
    const before = oldStore();
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    vi.spyOn(Database.prototype, 'backup').mockRejectedValue(full);

    const { services, boxes } = await openLikeTheApp();

    expect(services).toBeNull();
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toMatch(/^Redline did not upgrade its store \(.*redline\.sqlite\) to this version: the copy it keeps before an upgrade could not be written to .*backups, because the disk is full\. The store is untouched\. Free some space/);
    expect(versions()).toBe(OLD);
    expect(sha(file)).toBe(before.sha);
    // The half-written copy is not left to be taken for a backup.
    expect(readdirSync(backupFolder(file)).filter((name) => !name.endsWith('-wal') && !name.endsWith('-shm'))).toEqual([]);
    expect(listBackups(file, binding())).toEqual([]);
  });

  it('when the backups folder cannot be made, refuses the same way, naming the folder', async () => {
    oldStore();
    writeFileSync(backupFolder(file), 'a file where the folder should be');
    await expect(openPreparedServices(file, binding(), createServices)).rejects.toThrow(
      expect.objectContaining({ code: 'io', message: expect.stringMatching(/could not be written to .*backups \(.*\)\. The store is untouched/) }),
    );
    expect(versions()).toBe(OLD);
  });

  it('the synchronous open alone never migrates work without a copy: it refuses, the store untouched', () => {
    const before = oldStore();
    expect(() => createServices(file, binding())).toThrow(UpgradeNotPrepared);
    expect(() => openDatabase(file, binding())).toThrow(UpgradeNotPrepared);
    expect(versions()).toBe(OLD);
    expect(sha(file)).toBe(before.sha);
    // In-memory stores and new files open synchronously as before (tests, the e2e backend).
    createServices(':memory:', binding()).close();
    createServices(join(temp.dir, 'new', 'redline.sqlite'), binding()).close();
  });

  it('a damaged store due for a migration reaches the damaged-store screen, not a box, and is not migrated', async () => {
    // A larger store (quick_check on open is skipped above this size): the preparation's copy fails its check.
    const db = storeAt(OLD);
    db.exec(`CREATE TABLE filler (x TEXT); WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 3000) INSERT INTO filler SELECT hex(randomblob(600)) FROM n`);
    writeFileSync(file, db.serialize());
    db.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, Math.floor(statSync(file).size / 2 / 4096) * 4096);
    closeSync(fd);

    const { services, boxes } = await openLikeTheApp({ quickCheckMaxBytes: 0 });

    expect(boxes).toEqual([]);
    expect(services?.health()).toMatchObject({ state: 'damaged', message: expect.stringMatching(/is damaged: SQLite's check found/) });
    expect(listBackups(file, binding())).toEqual([]);
    expect(versions()).toBe(OLD);
    services?.close();
  });

  it('two openers at once (the app and the CLI): each copy is its own file, the store is migrated once', async () => {
    oldStore();
    const [a, b] = await Promise.all([
      openPreparedServices(file, { ...binding(), clock: () => NOW }, createServices),
      openPreparedServices(file, { ...binding(), clock: () => NOW }, createServices),
    ]);
    expect(a.documents.list()).toHaveLength(OLD_DOCUMENTS);
    expect(b.documents.list()).toHaveLength(OLD_DOCUMENTS);
    a.close();
    b.close();
    expect(versions()).toBe(LAST);
    const copies = listBackups(file, binding());
    expect(copies.map((c) => [c.kind, c.documents])).toEqual([
      ['pre-migration', OLD_DOCUMENTS],
      ['pre-migration', OLD_DOCUMENTS],
    ]);
    expect(new Set(copies.map((c) => c.path)).size).toBe(2);
  });

  it('a store replaced by an older one between the preparation and the open is prepared again, then migrated', async () => {
    createServices(file, binding()).close(); // at this version: the preparation copies nothing
    const older = join(temp.dir, 'older.sqlite');
    oldStore(older);
    let opens = 0;
    const services = await openPreparedServices(file, binding(), (path, options) => {
      opens += 1;
      if (opens === 1) renameSync(older, file); // another program restores an older store meanwhile
      return createServices(path, options);
    });
    expect(opens).toBe(2);
    expect(services.documents.list()).toHaveLength(OLD_DOCUMENTS);
    services.close();
    expect(listBackups(file, binding()).map((c) => c.kind)).toEqual(['pre-migration']);
  });

  it('restoring a pre-migration copy in the app migrates it again, the copy it came from standing for it', async () => {
    oldStore();
    const { services } = await openLikeTheApp();
    const [copy] = listBackups(file, binding());
    const { restored } = await services!.restoreBackup(basename(copy!.path));
    expect(restored.kind).toBe('pre-migration');
    expect(services!.documents.list()).toHaveLength(OLD_DOCUMENTS);
    services!.close();
    expect(versions()).toBe(LAST);
    expect(listBackups(file, binding()).map((c) => c.path)).toEqual([copy!.path]);
  });

  it('prepareStore leaves to the open what it reports better: no file, not a database', async () => {
    expect(await prepareStore(file, binding())).toEqual({ copiedBefore: null, copy: null, damage: null });
    writeFileSync(file, 'not a database at all, just some text that is long enough to be a header or more');
    expect(await prepareStore(file, binding())).toEqual({ copiedBefore: null, copy: null, damage: null });
    await expect(openPreparedServices(file, binding(), createServices)).rejects.toBeInstanceOf(RedlineError);
  });
});

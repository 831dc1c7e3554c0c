import { copyFileSync, existsSync, openSync, readdirSync, statSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFolder, backupNow, DAILY_BACKUPS_KEPT, DAY_MS, dailyBackupDue, listBackups, restoreBackup } from '../../db/backups';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { openReadOnly } from '../../db/readOnlyConnection';
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

/** The titles of the documents in the store, sorted. */
function titles(): string[] {
  const store = createStore(open());
  try {
    return store.documents.list().map((d) => d.title).sort();
  } finally {
    store.close();
  }
}

/**
 * Stores a document whose commit stays in the store's WAL alone, as when Redline is killed before a checkpoint:
 * an idle read-only connection keeps the writer's close from checkpointing, and cannot checkpoint itself.
 */
function commitLeftInWal(title: string, path = file): void {
  const writer = openDatabase(path, { clock: () => NOW, nativeBinding: nativeBinding() });
  writer.pragma('wal_autocheckpoint = 0');
  const reader = new Database(path, { readonly: true, nativeBinding: nativeBinding() });
  reader.prepare('SELECT count(*) FROM documents').get();
  insertDocument(createStore(writer), [{ text: 'A sentence stored after the backup.' }], { title });
  writer.close();
  reader.close();
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
    expect(() => restoreBackup(file, backup.path, NOW, options())).toThrow(
      expect.objectContaining({ code: 'bad_input', message: expect.stringMatching(/is not a usable Redline backup: it is damaged/) }),
    );
    expect(readdirSync(temp.dir).sort()).toEqual(['backups', 'redline.sqlite']);
  });

  it("restores the commits still in the chosen file's WAL", () => {
    fill(1);
    const chosen = join(temp.dir, 'chosen.sqlite');
    copyFileSync(file, chosen);
    commitLeftInWal('Only in the WAL', chosen);
    expect(statSync(`${chosen}-wal`).size).toBeGreaterThan(0);

    restoreBackup(file, chosen, NOW + 5, options());
    expect(titles()).toEqual(['Kazakhstan', 'Only in the WAL']);
  });

  it("keeps the replaced store's last commits (those in its WAL too): restoring it undoes a restore", async () => {
    fill(1);
    const db = open();
    const backup = await backupNow(db, file, 'daily', NOW, options());
    db.close();
    commitLeftInWal('Only in the WAL');
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const { replaced } = restoreBackup(file, backup.path, NOW + 5, options());
    expect(titles()).toEqual(['Kazakhstan']);

    restoreBackup(file, replaced!, NOW + 10, options());
    expect(titles()).toEqual(['Kazakhstan', 'Only in the WAL']);
  });

  it('leaves no WAL or shared-memory files beside the backups it writes, lists and restores', async () => {
    fill(1);
    const db = open();
    const backup = await backupNow(db, file, 'daily', NOW, options());
    db.close();
    expect(listBackups(file, options()).map((b) => b.documents)).toEqual([1]);
    restoreBackup(file, backup.path, NOW + 5, options());
    expect(readdirSync(backupFolder(file))).toEqual([`redline-daily-${NOW}.sqlite`]);
  });
});

/** Makes, at `path`, a copy of the store at `file` with `change` applied to its schema by hand. */
const schemaLosing =
  (change: string) =>
  (path: string): void => {
    copyFileSync(file, path);
    const edited = openRaw(path);
    edited.exec(change);
    edited.close();
  };

describe('restoring a file that is not a usable Redline store', () => {
  /** How each kind of file is made at `path`, from the store at `file` (two documents, closed). */
  const cases: Array<[string, (path: string) => void, RegExp]> = [
    ['an empty file', (path) => writeFileSync(path, ''), /it is empty/],
    ['a text file', (path) => writeFileSync(path, 'not a db\n'), /it is not an SQLite database/],
    [
      'a store cut short',
      (path) => {
        copyFileSync(file, path);
        truncateSync(path, Math.floor(statSync(path).size / 2));
      },
      /it is damaged/,
    ],
    [
      "another program's database",
      (path) => {
        const other = new Database(path, { nativeBinding: nativeBinding() });
        other.exec('CREATE TABLE people (name TEXT)');
        other.close();
      },
      /it is an SQLite database of another program \(it holds tables such as "people"/,
    ],
    [
      'a store of a newer Redline',
      (path) => {
        copyFileSync(file, path);
        const newer = new Database(path, { nativeBinding: nativeBinding() });
        newer.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(MIGRATIONS.length + 1, 'from_the_future', NOW);
        newer.close();
      },
      /it was written by a newer version of Redline \(it has \d+ schema steps, this version knows \d+\); update Redline/,
    ],
    [
      'a store of another build of Redline',
      (path) => {
        copyFileSync(file, path);
        const other = new Database(path, { nativeBinding: nativeBinding() });
        other.prepare('UPDATE schema_migrations SET name = ? WHERE version = ?').run('renamed_elsewhere', MIGRATIONS.length);
        other.close();
      },
      /it was written by a different version of Redline \(migration \d+ "renamed_elsewhere"/,
    ],
    // Sound pages, a schema that lost part of itself: the app would fail on first use with "no such table".
    ['a store whose table was dropped', schemaLosing('DROP TABLE segments'), /it is damaged \(its table "segments" is missing, and \d+ more parts of its schema\)/],
    ['a store whose full-text table was dropped', schemaLosing('DROP TABLE segment_search'), /it is damaged \(its table "segment_search" is missing/],
    ['a store whose index was dropped', schemaLosing('DROP INDEX segments_by_status'), /it is damaged \(its index "segments_by_status" is missing\)/],
    ['a store whose trigger was dropped', schemaLosing('DROP TRIGGER revisions_no_delete'), /it is damaged \(its trigger "revisions_no_delete" is missing\)/],
    ['a store whose column was dropped', schemaLosing('ALTER TABLE documents DROP COLUMN file_name'), /it is damaged \(its table "documents" has no column "file_name"\)/],
  ];

  it.each(cases)('refuses %s, saying why, and leaves the store as it was', (_kind, make, why) => {
    fill(2);
    const chosen = join(temp.dir, 'chosen.sqlite');
    make(chosen);
    expect(() => restoreBackup(file, chosen, NOW, options())).toThrow(
      // bad_input: the fault is the chosen file's; 'damaged' would have the window take the store for damaged.
      expect.objectContaining({ code: 'bad_input', message: expect.stringMatching(new RegExp(`^chosen\\.sqlite is not a usable Redline backup: ${why.source}.*The store was not changed`)) }),
    );
    expect(readdirSync(temp.dir).sort()).toEqual(['chosen.sqlite', 'redline.sqlite']);
    expect(titles()).toEqual(['Kazakhstan', 'Kazakhstan']);
  });
});

describe('restoring a backup whose schema is checked against its own version', () => {
  it('restores a whole backup made at an older schema (checked against that version, not the newest)', () => {
    fill(1);
    const older = join(temp.dir, 'older.sqlite');
    const db = openRaw(older);
    migrate(db, () => NOW, MIGRATIONS.slice(0, 12));
    db.close();
    expect(restoreBackup(file, older, NOW + 5, options()).replaced).toBe(`${file}.replaced-${NOW + 5}`);
  });

  it('refuses an older backup that lost a table its version has, and leaves the store as it was', () => {
    fill(1);
    const older = join(temp.dir, 'older.sqlite');
    const db = openRaw(older);
    migrate(db, () => NOW, MIGRATIONS.slice(0, 12));
    db.exec('DROP TABLE notes');
    db.close();
    expect(() => restoreBackup(file, older, NOW + 5, options())).toThrow(
      expect.objectContaining({ code: 'bad_input', message: expect.stringMatching(/^older\.sqlite is not a usable Redline backup: it is damaged \(its table "notes" is missing, and \d+ more parts of its schema\)/) }),
    );
    expect(readdirSync(temp.dir).sort()).toEqual(['older.sqlite', 'redline.sqlite']);
    expect(titles()).toEqual(['Kazakhstan']);
  });
});

describe('restoring while another Redline has the store open', () => {
  /** Every file beside the store and in its backups folder, with its size: what "untouched" is checked against. */
  const files = (): string[] =>
    [temp.dir, backupFolder(file)].flatMap((dir) => readdirSync(dir).map((name) => `${name}:${statSync(join(dir, name)).size}`)).sort();

  const refusal = () =>
    expect.objectContaining({
      code: 'locked',
      message: `Another Redline is using this store (${file}): a Redline window or a redline command has it open. Close it and try again; nothing was changed.`,
    });

  it.each([
    ['a window (its writing connection, idle)', () => open()],
    ['an export thread or a reading command (a read-only connection, idle)', () => openReadOnly(file, options())],
  ])('refuses when %s has it open, and changes nothing', async (_who, other) => {
    fill(1);
    const db = open();
    const backup = await backupNow(db, file, 'manual', NOW, options());
    db.close();
    const otherRedline = other();
    otherRedline.prepare('SELECT count(*) FROM documents').get();
    const before = files();

    expect(() => restoreBackup(file, backup.path, NOW + 5, options())).toThrow(refusal());

    expect(files()).toEqual(before);
    expect(otherRedline.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
    otherRedline.close();
    // Once it is closed the same restore goes ahead.
    expect(restoreBackup(file, backup.path, NOW + 5, options()).replaced).toBe(`${file}.replaced-${NOW + 5}`);
  });

  it('refuses a store another Redline opened while the backup was being copied', async () => {
    fill(1);
    const db = open();
    const backup = await backupNow(db, file, 'manual', NOW, options());
    db.close();
    const before = files();
    // The copy's quick check is the last step before the move: another Redline opens the store meanwhile.
    let otherRedline: Database.Database | undefined;
    const realPragma = Database.prototype.pragma;
    const spy = vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source, opts) {
      if (source === 'quick_check' && this.name.includes('.restoring-') && !otherRedline) {
        otherRedline = openReadOnly(file, options());
        otherRedline.prepare('SELECT 1 FROM documents').get();
      }
      return realPragma.call(this, source, opts);
    });
    try {
      expect(() => restoreBackup(file, backup.path, NOW + 5, options())).toThrow(refusal());
    } finally {
      spy.mockRestore();
    }
    expect(otherRedline).toBeDefined();
    // Nothing but the -wal and -shm files the other Redline's connection made.
    expect(files().filter((entry) => !/^redline\.sqlite-(wal|shm):/.test(entry))).toEqual(before);
    otherRedline?.close();
  });
});

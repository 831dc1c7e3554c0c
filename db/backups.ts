import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { RedlineError } from '../core/model/errors';
import { schemaState } from './migrate';
import { MIGRATIONS } from './migrations';
import { schemaDamage } from './schemaCheck';
import { storeInUse, storeInUseError } from './storeInUse';

/**
 * Copies of the store to go back to, in a `backups` folder next to it, all made with SQLite's online backup API
 * (better-sqlite3's asynchronous `.backup()`, which copies the pages in steps while the process keeps working): a
 * daily copy on start when the newest is older than a day, a pre-migration copy before any migration changes a
 * store with work in it (made by the entry points before the synchronous open: db/preMigrationBackup.ts), and
 * the CLI's `backup`. Every copy is checked with integrity_check after writing, and removed if it is not sound.
 * The 7 newest daily copies are kept; pre-migration copies are kept until removed by hand.
 */

export const BACKUP_FOLDER = 'backups';
export const DAILY_BACKUPS_KEPT = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;

export type BackupKind = 'daily' | 'pre-migration' | 'manual';

export interface BackupInfo {
  path: string;
  kind: BackupKind;
  createdAt: number;
  /** Documents in the copy (null when it cannot be read). */
  documents: number | null;
}

interface OpenOptions {
  nativeBinding?: string | undefined;
}

const NAME = /^redline-(daily|pre-migration|manual)-(\d{13})\.sqlite$/;

export const backupFolder = (storePath: string): string => join(dirname(storePath), BACKUP_FOLDER);

const fileFor = (storePath: string, kind: BackupKind, at: number): string =>
  join(backupFolder(storePath), `redline-${kind}-${String(at).padStart(13, '0')}.sqlite`);

function openReadOnly(path: string, options: OpenOptions): Database.Database {
  return new Database(path, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
}

/**
 * Reads `path` over a read-only connection and leaves no files behind. A read-only connection to a WAL-mode file
 * (a backup, a store set aside) makes its -wal and -shm and cannot checkpoint, so SQLite keeps them on close; the
 * ones it made here (absent before, the WAL still empty) are removed. Ones that were there stay: another
 * connection's commits may be in them.
 */
function readingOnly<T>(path: string, options: OpenOptions, read: (db: Database.Database) => T): T {
  const made = ['-wal', '-shm'].map((suffix) => path + suffix).filter((sidecar) => !existsSync(sidecar));
  const db = openReadOnly(path, options);
  try {
    return read(db);
  } finally {
    db.close();
    if (fileBytes(`${path}-wal`) === 0) for (const sidecar of made) rmSync(sidecar, { force: true });
  }
}

/** Checks a written copy: every page sound, and a Redline schema inside; removes it and throws when not. */
function verify(path: string, options: OpenOptions): number {
  let documents: number;
  try {
    documents = readingOnly(path, options, (copy) => {
      const result = copy.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new Error(String(result));
      return copy.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    });
  } catch (error) {
    rmSync(path, { force: true });
    const why = error instanceof Error ? error.message : String(error);
    throw new RedlineError('io', `The backup written to ${path} did not read back correctly (${why}), so it was removed.`);
  }
  return documents;
}

/**
 * Copies the open store with the online backup API (in steps, the process keeps working), verifies the copy and
 * rotates the old ones. A copy that fails part-way (a full disk) is removed, and the error is thrown as it came.
 */
export async function backupNow(db: Database.Database, storePath: string, kind: BackupKind, now: number, options: OpenOptions = {}): Promise<BackupInfo> {
  const path = reservePath(storePath, kind, now);
  try {
    await db.backup(path);
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  const documents = verify(path, options);
  rotate(storePath);
  return { path, kind, createdAt: now, documents };
}

/**
 * Creates the copy's file, empty, under a name no one else has: two processes backing up in the same
 * millisecond (the app and the CLI starting together) each get their own file instead of writing one together.
 * SQLite takes an empty file for an empty database, so the backup writes into it.
 */
function reservePath(storePath: string, kind: BackupKind, now: number): string {
  mkdirSync(backupFolder(storePath), { recursive: true });
  for (let at = now; ; at += 1) {
    const path = fileFor(storePath, kind, at);
    try {
      closeSync(openSync(path, 'wx'));
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

const fileBytes = (path: string): number => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};

/** Whether the newest daily copy is older than a day (or there is none). */
export function dailyBackupDue(storePath: string, now: number): boolean {
  const newest = backupFiles(storePath).find((b) => b.kind === 'daily' || b.kind === 'manual');
  return !newest || now - newest.createdAt >= DAY_MS;
}

function backupFiles(storePath: string): Array<{ path: string; kind: BackupKind; createdAt: number }> {
  const folder = backupFolder(storePath);
  if (!existsSync(folder)) return [];
  const found: Array<{ path: string; kind: BackupKind; createdAt: number }> = [];
  for (const name of readdirSync(folder)) {
    const match = NAME.exec(name);
    // An empty file is a copy being written now (reservePath) or one cut short before its first page: not a backup.
    if (match && fileBytes(join(folder, name)) > 0) found.push({ path: join(folder, name), kind: match[1] as BackupKind, createdAt: Number(match[2]) });
  }
  return found.sort((a, b) => b.createdAt - a.createdAt);
}

/** Keeps the newest DAILY_BACKUPS_KEPT daily (and manual) copies and every pre-migration one. */
export function rotate(storePath: string): void {
  const daily = backupFiles(storePath).filter((b) => b.kind !== 'pre-migration');
  for (const old of daily.slice(DAILY_BACKUPS_KEPT)) rmSync(old.path, { force: true });
}

/** The copies there are, newest first, with their dates and how many documents each holds. */
export function listBackups(storePath: string, options: OpenOptions = {}): BackupInfo[] {
  return backupFiles(storePath).map((file) => {
    let documents: number | null;
    try {
      documents = readingOnly(file.path, options, (copy) => copy.prepare('SELECT count(*) FROM documents').pluck().get() as number);
    } catch {
      documents = null;
    }
    return { ...file, documents };
  });
}

/**
 * Puts a backup (or any file the user chooses) in place of the store, which must be closed. The new store is
 * written next to the store by SQLite from a read-only connection to the file (VACUUM INTO), so commits still in
 * the file's WAL come with it (a store Redline was killed with keeps its last commits there). The copy is checked
 * as opening a store checks it, and only then is the store moved aside as `redline.sqlite.replaced-<time>` (with
 * its WAL, if the check for other Redlines left one, so nothing is lost) and the copy renamed into its place. Until that rename the store stays where
 * it was: a file that is not a usable Redline store, a failed copy or a failed move leaves it untouched.
 * A store another Redline has open is refused (db/storeInUse.ts), before the copy and again right before the
 * move, as the copy of a large backup takes a while; only the instant between that check and the rename is open.
 */
export function restoreBackup(storePath: string, backupPath: string, now: number, options: OpenOptions = {}): { replaced: string | null } {
  if (!existsSync(backupPath) || !statSync(backupPath).isFile()) {
    throw new RedlineError('not_found', `There is no backup at ${backupPath}.`);
  }
  if (storeInUse(storePath, options)) throw storeInUseError(storePath);
  const restoring = `${storePath}.restoring-${now}`;
  rmSync(restoring, { force: true });
  try {
    readingOnly(backupPath, options, (source) => {
      refuseUnusable(source, backupPath, 'integrity_check', options);
      source.prepare('VACUUM INTO ?').run(restoring);
    });
    // SQLite does not sync what VACUUM INTO writes; the copy must be on the disk before it stands for the store.
    const fd = openSync(restoring, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    readingOnly(restoring, options, (copy) => refuseUnusable(copy, backupPath, 'quick_check', options));
    if (storeInUse(storePath, options)) throw storeInUseError(storePath);
  } catch (error) {
    rmSync(restoring, { force: true });
    throw inBackupWords(error, backupPath);
  }
  return { replaced: moveIn(storePath, restoring, now) };
}

/**
 * Refuses, with the reason, a file that opening as the store would refuse, or one with no Redline store in it, or
 * one whose schema lost a table, column, index or trigger (sound pages, but the app would fail on first use).
 */
function refuseUnusable(db: Database.Database, path: string, check: 'integrity_check' | 'quick_check', options: OpenOptions): void {
  const found = db.pragma(check, { simple: true });
  if (found !== 'ok') throw unusableBackup(path, `it is damaged (SQLite's check found "${String(found).replace(/\s+/g, ' ').slice(0, 200)}")`);
  const state = schemaState(db);
  switch (state.kind) {
    case 'empty':
      throw unusableBackup(path, 'it is empty (an SQLite file with no tables)');
    case 'foreign':
      throw unusableBackup(path, `it is an SQLite database of another program (it holds tables such as "${state.table}" and no Redline schema)`);
    case 'newer':
      throw unusableBackup(path, `it was written by a newer version of Redline (it has ${state.applied} schema steps, this version knows ${MIGRATIONS.length}); update Redline to restore it`);
    case 'other_build':
      throw unusableBackup(path, `it was written by a different version of Redline (migration ${state.version} "${state.name}" is not one this version ships)`);
    case 'shipped':
      if (state.applied === 0) throw unusableBackup(path, 'it holds no Redline schema');
  }
  const lost = schemaDamage(db, options.nativeBinding);
  if (lost !== null) throw unusableBackup(path, `it is damaged (${lost})`);
}

/**
 * The refusal of a chosen file: 'bad_input', as the fault is the file's, not the store's ('damaged' would have the
 * window take the sound store for damaged).
 */
const unusableBackup = (path: string, why: string): RedlineError =>
  new RedlineError('bad_input', `${basename(path)} is not a usable Redline backup: ${why}. The store was not changed; choose another backup.`);

/** SQLite's refusals of the chosen file said as such (not as the store's own damage); other failures as they came. */
function inBackupWords(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return unusableBackup(path, 'it is not an SQLite database (its first bytes are something else)');
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
    return unusableBackup(path, `it is damaged (SQLite: ${(error as Error).message})`);
  }
  return error;
}

/**
 * Moves the store with its WAL and shared memory aside and `restoring` into its place. A step that fails undoes
 * the moves made before it, so the store that was there is back where it was.
 */
function moveIn(storePath: string, restoring: string, now: number): string | null {
  const replaced = existsSync(storePath) ? `${storePath}.replaced-${now}` : null;
  const moved: Array<[from: string, to: string]> = [];
  try {
    if (replaced) {
      for (const suffix of ['', '-wal', '-shm']) {
        if (!existsSync(storePath + suffix)) continue;
        renameSync(storePath + suffix, replaced + suffix);
        moved.push([storePath + suffix, replaced + suffix]);
      }
    }
    renameSync(restoring, storePath);
  } catch (error) {
    for (const [from, to] of moved.reverse()) renameSync(to, from);
    rmSync(restoring, { force: true });
    throw error;
  }
  return replaced;
}

/** The result of SQLite's quick_check on the open store: null when sound, else what it found. */
export function quickCheck(db: Database.Database): string | null {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const found = rows.map((row) => row.quick_check);
  return found.length === 1 && found[0] === 'ok' ? null : found.slice(0, 5).join('; ');
}

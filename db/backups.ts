import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, copyFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { RedlineError } from '../core/model/errors';

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

/** Checks a written copy: every page sound, and a Redline schema inside; removes it and throws when not. */
function verify(path: string, options: OpenOptions): number {
  let documents: number;
  try {
    const copy = openReadOnly(path, options);
    try {
      const result = copy.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new Error(String(result));
      documents = copy.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    } finally {
      copy.close();
    }
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
      const copy = openReadOnly(file.path, options);
      try {
        documents = copy.prepare('SELECT count(*) FROM documents').pluck().get() as number;
      } finally {
        copy.close();
      }
    } catch {
      documents = null;
    }
    return { ...file, documents };
  });
}

/**
 * Puts a backup in place of the store, which must be closed. The copy is checked first; the store it replaces
 * (damaged, perhaps) is kept beside it as `redline.sqlite.replaced-<time>` with its WAL, so nothing is lost.
 */
export function restoreBackup(storePath: string, backupPath: string, now: number, options: OpenOptions = {}): { replaced: string | null } {
  if (!existsSync(backupPath) || !statSync(backupPath).isFile()) {
    throw new RedlineError('not_found', `There is no backup at ${backupPath}.`);
  }
  const copy = openReadOnly(backupPath, options);
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new RedlineError('damaged', `The backup ${basename(backupPath)} is damaged too (${String(result)}); choose another.`);
  } finally {
    copy.close();
  }
  let replaced: string | null = null;
  if (existsSync(storePath)) {
    replaced = `${storePath}.replaced-${now}`;
    renameSync(storePath, replaced);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(storePath + suffix)) renameSync(storePath + suffix, replaced + suffix);
    }
  }
  const temp = `${storePath}.restoring`;
  copyFileSync(backupPath, temp);
  renameSync(temp, storePath);
  return { replaced };
}

/** The result of SQLite's quick_check on the open store: null when sound, else what it found. */
export function quickCheck(db: Database.Database): string | null {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const found = rows.map((row) => row.quick_check);
  return found.length === 1 && found[0] === 'ok' ? null : found.slice(0, 5).join('; ');
}

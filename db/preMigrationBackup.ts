import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { RedlineError } from '../core/model/errors';
import { backupFolder, backupNow, quickCheck, type BackupInfo } from './backups';
import { systemClock, type Clock } from './clock';
import { damagedStoreError, UpgradeNotPrepared } from './connection';
import { pendingOnStoreWithWork } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { inStorageWords } from './storageErrors';

export { UpgradeNotPrepared };

/**
 * The copy kept before a migration changes a store with work in it. Opening a store is synchronous (the
 * services, the tests' in-memory stores), and SQLite's online backup API is asynchronous, so the copy is made
 * before the open, by the entry points (electron/storeOpening.ts, cli/store.ts): `prepareStore` looks at the
 * store with a short-lived read-only connection, and when migrations are pending it copies the store with
 * `await db.backup(path)` and verifies the copy. The synchronous open then migrates only when that copy covers
 * the schema it finds (`beforeMigratingWith`); otherwise it refuses, the store untouched.
 */
export interface StorePreparation {
  /** The version of the first migration the copy was made before; null when no copy was needed or made. */
  copiedBefore: number | null;
  /** The pre-migration copy (verified), or null. */
  copy: BackupInfo | null;
  /**
   * What SQLite found when the store to be copied turned out damaged: the open says so (the window shows its
   * damaged-store screen) rather than migrating or copying damaged pages.
   */
  damage: string | null;
}

export interface PrepareOptions {
  clock?: Clock;
  nativeBinding?: string | undefined;
  migrations?: readonly Migration[];
}

const NOTHING: StorePreparation = { copiedBefore: null, copy: null, damage: null };

/**
 * Makes the pre-migration copy of the store at `storePath` when opening it would migrate work in it. Anything
 * the open itself reports better (no file yet, not a database, another program's, a newer Redline's, locked)
 * is left to the open: preparing then copies nothing. A copy that cannot be written (a full disk) throws a
 * message saying the store was not upgraded and is untouched.
 */
export async function prepareStore(storePath: string, options: PrepareOptions = {}): Promise<StorePreparation> {
  if (storePath === ':memory:' || !existsSync(storePath)) return NOTHING;
  let db: Database.Database;
  try {
    db = new Database(storePath, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch {
    return NOTHING;
  }
  try {
    let pending: readonly Migration[];
    try {
      db.pragma('busy_timeout = 5000');
      pending = pendingOnStoreWithWork(db, options.migrations ?? MIGRATIONS);
    } catch {
      return NOTHING; // a header overwritten, a damaged schema page: the open names it (and the window's screen)
    }
    const first = pending[0];
    if (!first) return NOTHING;
    const binding = { nativeBinding: options.nativeBinding };
    try {
      const copy = await backupNow(db, storePath, 'pre-migration', (options.clock ?? systemClock)(), binding);
      return { copiedBefore: first.version, copy, damage: null };
    } catch (error) {
      // The copy did not read back sound: the store it came from may be the damaged one (then the open shows the
      // damage), or the copy was written badly (then nothing is migrated).
      const damage = damageOf(db);
      if (damage !== null) return { ...NOTHING, damage };
      throw copyFailed(storePath, error);
    }
  } finally {
    db.close();
  }
}

function damageOf(db: Database.Database): string | null {
  try {
    return quickCheck(db);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The refusal when the copy before a migration could not be written. */
export function copyFailed(storePath: string, error: unknown): RedlineError {
  const folder = backupFolder(storePath);
  const code = (error as { code?: unknown } | null)?.code;
  const full = code === 'ENOSPC' || (typeof code === 'string' && code.startsWith('SQLITE_FULL'));
  const untouched = `Redline did not upgrade its store (${storePath}) to this version: the copy it keeps before an upgrade could not be written to ${folder}`;
  if (full) {
    return new RedlineError('disk_full', `${untouched}, because the disk is full. The store is untouched. Free some space on that disk and start Redline again.`);
  }
  const words = inStorageWords(error, { path: folder });
  const why = words instanceof Error ? words.message : String(words);
  return new RedlineError('io', `${untouched} (${why}). The store is untouched. Make sure that folder can be written, then start Redline again.`);
}

/**
 * The open's check before migrating (db/connection.ts beforeMigrating): go ahead when the preparation copied
 * the store at the schema it has now; say so when the preparation found it damaged; refuse otherwise.
 */
export function beforeMigratingWith(storePath: string, preparation: StorePreparation | undefined): (pending: readonly Migration[]) => void {
  return (pending) => {
    if (preparation?.damage != null) {
      throw damagedStoreError(storePath, preparation.damage);
    }
    if (preparation?.copy && preparation.copiedBefore === pending[0]?.version) return;
    throw new UpgradeNotPrepared(storePath);
  };
}

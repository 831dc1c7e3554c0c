import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { systemClock, type Clock } from './clock';
import { RedlineError } from '../core/model/errors';
import { quickCheck } from './backups';
import { migrate } from './migrate';
import type { Migration } from './migrations';
import { schemaDamage } from './schemaCheck';
import { inStorageWords } from './storageErrors';

export interface OpenOptions {
  clock?: Clock;
  /** Path of a better-sqlite3 addon built for this runtime (the entry point finds it: cli/nativeBinding.ts). */
  nativeBinding?: string | undefined;
  /**
   * Called with the open connection before pending migrations change a store with work in it: returns when a
   * copy of the store as it is exists (db/preMigrationBackup.ts beforeMigratingWith), throws to refuse. Without
   * it such a store is refused (UpgradeNotPrepared), so nothing migrates work without a copy.
   */
  beforeMigrating?: (db: Database.Database, pending: readonly Migration[]) => void;
  /** Stores larger than this skip quick_check on open (default QUICK_CHECK_MAX_BYTES); see checkedOnOpen. */
  quickCheckMaxBytes?: number;
}

/** The largest store checked with quick_check on every open (about 100 ms at the measured rate). */
export const QUICK_CHECK_MAX_BYTES = 1024 * 1024;

/**
 * Whether opening `filename` runs quick_check: an in-memory store never needs it, and one larger than `maxBytes`
 * is checked in full in the background instead (db/integrityWorker.ts), so start-up stays within about 100 ms.
 */
export function checkedOnOpen(filename: string, maxBytes: number = QUICK_CHECK_MAX_BYTES): boolean {
  return filename !== ':memory:' && storeBytes(filename) <= maxBytes;
}

/** The message a damaged store is refused with, naming what SQLite found. */
export function damagedStoreError(filename: string, found: string): RedlineError {
  return new RedlineError(
    'damaged',
    `The Redline store (${filename}) is damaged: SQLite's check found "${found.slice(0, 200)}". Restore the newest backup ("Restore from backup…" in the library, or redline restore); what can still be read can be exported first.`,
  );
}

/** The message a store whose schema lost part of itself is refused with, naming what is missing (db/schemaCheck.ts). */
export function damagedSchemaError(filename: string, lost: string): RedlineError {
  return new RedlineError(
    'damaged',
    `The Redline store (${filename}) is damaged: ${lost}. Restore the newest backup ("Restore from backup…" in the library, or redline restore); what can still be read can be exported first.`,
  );
}

/** The open met migrations to apply to work in the store with no copy of it made first: it refuses untouched. */
export class UpgradeNotPrepared extends RedlineError {
  constructor(storePath: string) {
    super(
      'io',
      `The Redline store (${storePath}) needs an upgrade to this version, and Redline upgrades a store only after keeping a copy of it; no copy was made for the store as it is now (another Redline may have changed it meanwhile). The store is untouched; start Redline again.`,
    );
    this.name = 'UpgradeNotPrepared';
  }
}

const storeBytes = (filename: string): number => {
  try {
    return statSync(filename).size;
  } catch {
    return 0;
  }
};

/** Opens (creating if needed) a Redline store: WAL, foreign keys on, migrated to the shipped schema. */
export function openDatabase(filename: string, options: OpenOptions = {}): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(filename, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (error) {
    throw inStorageWords(error, { path: filename });
  }
  try {
    if (filename !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // NORMAL: a crash of Redline loses nothing acknowledged (npm run crashtest), but a power loss can lose the
    // last commits. FULL would sync the WAL on every commit; measured here at 0.14 ms to 8 ms per save depending
    // on the disk's load (bench/storeCheck.ts), over the 2 ms budget, so README states the risk instead.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // A damaged store is never used silently: quick_check reads every page once, about 95 ms per MB here
    // (5.1 s for 100,000 sentences, 53 MB: bench/storeCheck.ts), so it runs on open only up to
    // QUICK_CHECK_MAX_BYTES; larger stores are checked in full in a worker once open (services/storeHealth.ts).
    const damage = checkedOnOpen(filename, options.quickCheckMaxBytes) ? quickCheck(db) : null;
    if (damage !== null) throw damagedStoreError(filename, damage);
    // Sound pages can still hold a schema that lost a table or an index (an edit by hand, a bad tool): refused
    // here rather than failing later with "no such table". Checked before migrating, which would fail the same way.
    const lost = schemaDamage(db, options.nativeBinding);
    if (lost !== null) throw damagedSchemaError(filename, lost);
    const copied =
      options.beforeMigrating ??
      (() => {
        throw new UpgradeNotPrepared(filename);
      });
    migrate(db, options.clock ?? systemClock, undefined, (pending) => copied(db, pending));
    return db;
  } catch (error) {
    db.close();
    throw inStorageWords(error, { path: filename });
  }
}

import Database from 'better-sqlite3';
import { systemClock, type Clock } from './clock';
import { migrate } from './migrate';

export interface OpenOptions {
  clock?: Clock;
  /** Path of a better-sqlite3 addon built for this runtime (the entry point finds it: cli/nativeBinding.ts). */
  nativeBinding?: string | undefined;
}

/** Opens (creating if needed) a Redline store: WAL, foreign keys on, migrated to the shipped schema. */
export function openDatabase(filename: string, options: OpenOptions = {}): Database.Database {
  const db = new Database(filename, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    if (filename !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, options.clock ?? systemClock);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

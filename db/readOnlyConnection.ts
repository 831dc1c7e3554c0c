import Database from 'better-sqlite3';
import { inStorageWords } from './storageErrors';

/**
 * A read-only connection to a store another connection has opened and migrated (the app's): what a worker thread
 * reads from while the window's connection keeps writing (WAL gives each reader its own snapshot). It never
 * migrates, never changes the journal mode, and any write through it fails instead of waiting for the writer.
 */
export function openReadOnly(filename: string, options: { nativeBinding?: string | undefined } = {}): Database.Database {
  try {
    const db = new Database(filename, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    throw inStorageWords(error, { path: filename });
  }
}

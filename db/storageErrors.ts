import { RedlineError, type ErrorCode } from '../core/model/errors';

/**
 * SQLite's failures in words an editor can act on. SQLite reports them as result codes (better-sqlite3's
 * SqliteError carries the name, e.g. SQLITE_FULL or the extended SQLITE_IOERR_WRITE); this maps each family
 * to a RedlineError saying what happened and what to do. Pure: no database is touched, so every code can be
 * tested, and an error that is not SQLite's (or one it does not know) is left to the caller.
 */

export const STORAGE_ERROR_CODES = ['disk_full', 'read_only', 'locked', 'not_a_store', 'newer_store', 'damaged', 'io'] as const;

/** Where the store lives, for messages that must name it. */
export interface StoreContext {
  path?: string;
}

const storeName = (context: StoreContext): string => (context.path ? `The Redline store (${context.path})` : 'The Redline store');

/** The RedlineError for an SQLite result code, or null when the code is not a storage failure. */
export function storageErrorForCode(sqliteCode: string, context: StoreContext = {}): RedlineError | null {
  const code = sqliteCode.toUpperCase();
  const error = (kind: ErrorCode, message: string) => new RedlineError(kind, message);
  const family = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? '';
  switch (family) {
    case 'SQLITE_FULL':
      return error(
        'disk_full',
        // Said the same to the window (whose save indicator adds that it is retrying, the text kept) and to the CLI.
        `The disk is full, so nothing was written to ${storeName(context).replace(/^The/, 'the')}. Free some space on the disk holding it.`,
      );
    case 'SQLITE_READONLY':
      return error(
        'read_only',
        `${storeName(context)} is read-only, so nothing can be saved. Make the file, its -wal and -shm files beside it, and its folder writable (or set REDLINE_DATA_DIR to a writable folder) and start Redline again.`,
      );
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return error(
        'read_only',
        `${storeName(context)} cannot be opened for writing: the file (or its -wal and -shm files beside it) or its folder is read-only or not yours. Make them writable (or set REDLINE_DATA_DIR to a writable folder) and start Redline again.`,
      );
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return error(
        'locked',
        `${storeName(context)} is locked by another program (another Redline, or a backup or sync tool working on the file). Close that program and try again.`,
      );
    case 'SQLITE_NOTADB':
      return error(
        'not_a_store',
        `${storeName(context)} is not a Redline file: it is not an SQLite database (its first bytes are something else). Restore it from a backup ("Restore from backup…" in the library, or redline restore), or move it away to start a new store.`,
      );
    case 'SQLITE_CORRUPT':
      return error(
        'damaged',
        `${storeName(context)} is damaged (SQLite found its pages inconsistent). Restore the newest backup ("Restore from backup…" in the library, or redline restore); what can still be read can be exported first.`,
      );
    case 'SQLITE_IOERR':
      if (code === 'SQLITE_IOERR_NOMEM') return null;
      return error(
        'io',
        `${storeName(context)} could not be read or written (a disk error: ${code}). Check the disk or the network drive holding it, then try again.`,
      );
    default:
      return null;
  }
}

/** The RedlineError for `error` when it is SQLite's storage failure; otherwise `error` itself. */
export function inStorageWords(error: unknown, context: StoreContext = {}): unknown {
  if (error instanceof RedlineError || typeof error !== 'object' || error === null) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  return storageErrorForCode(code, context) ?? error;
}

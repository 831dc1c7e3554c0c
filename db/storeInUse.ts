import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { RedlineError } from '../core/model/errors';

/**
 * Whether another connection has the store open: another Redline window, a `redline` command, a worker thread.
 * Moving the file away under such a connection would leave it reading and writing the file set aside, its work
 * lost to the store that takes its place. In WAL mode every connection that has read the store holds a shared
 * lock on the database file until it closes, idle or not; a connection in exclusive locking mode must take an
 * exclusive lock on it to open the WAL, so its first transaction fails at once (no busy wait) while any other is
 * open. When none is, closing the probe checkpoints the WAL into the store as any last connection's close does:
 * the store keeps every commit, in its own file.
 *
 * A connection opened but not yet read holds no lock and is not seen; Redline reads its store (the journal mode)
 * the moment it opens it. A store in rollback-journal mode (not Redline's) holds no lock between transactions.
 */
export function storeInUse(storePath: string, options: { nativeBinding?: string | undefined } = {}): boolean {
  if (!existsSync(storePath)) return false;
  let probe: Database.Database;
  try {
    probe = new Database(storePath, {
      fileMustExist: true,
      timeout: 0,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch {
    return false; // not openable at all, so not open elsewhere either as far as SQLite can tell
  }
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    // Anything else (a damaged or foreign file) is for the restore to handle; it says nothing about other users.
    return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
  } finally {
    probe.close();
  }
}

/** The refusal to swap a store another Redline has open; nothing has been changed when it is thrown. */
export function storeInUseError(storePath: string): RedlineError {
  return new RedlineError(
    'locked',
    `Another Redline is using this store (${storePath}): a Redline window or a redline command has it open. Close it and try again; nothing was changed.`,
  );
}

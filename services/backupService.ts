import type { openDatabase } from '../db/connection';
import type { Clock } from '../db/clock';
import { backupNow, dailyBackupDue, listBackups, type BackupInfo } from '../db/backups';

type Database = ReturnType<typeof openDatabase>;

/** Backups of the open store: the daily one on start, one on demand, and the list to restore from. */
export function backupService(db: Database, storePath: string, clock: Clock, nativeBinding?: string) {
  const options = { nativeBinding };
  const inMemory = storePath === ':memory:';
  return {
    /** On start: a copy when the newest is older than a day (resolves to null when none was due). */
    async dailyIfDue(): Promise<BackupInfo | null> {
      if (inMemory || !dailyBackupDue(storePath, clock())) return null;
      return backupNow(db, storePath, 'daily', clock(), options);
    },
    /** A copy now (the CLI's `backup`), with the online backup API like the others. */
    async now(): Promise<BackupInfo> {
      if (inMemory) throw new Error('An in-memory store has no backups.');
      return backupNow(db, storePath, 'manual', clock(), options);
    },
    list: (): BackupInfo[] => (inMemory ? [] : listBackups(storePath, options)),
  };
}

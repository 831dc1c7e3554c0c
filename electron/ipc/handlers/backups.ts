import { basename } from 'node:path';
import type { BackupInfo } from '../../../db/backups';
import type { Services } from '../../../services';
import type { Handlers } from '../dispatcher';

type BackupHandlers = Pick<Handlers, 'backups.list' | 'backups.restore'>;

/** The page sees a backup by its file name only; the folder is the store's own. */
const entry = (backup: BackupInfo) => ({
  fileName: basename(backup.path),
  kind: backup.kind,
  createdAt: backup.createdAt,
  documents: backup.documents,
});

/** "Restore from backup…" in the library: the copies there are, and putting one in place of the open store. */
export function backupHandlers(services: Services): BackupHandlers {
  return {
    'backups.list': () => services.backups.list().map(entry),
    'backups.restore': async ({ fileName }) => {
      const { restored, replaced } = await services.restoreBackup(fileName);
      return { restored: entry(restored), keptAs: replaced === null ? null : basename(replaced) };
    },
  };
}

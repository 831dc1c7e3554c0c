import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../core/ipc';
import { BackupTable, backupDateFormat, type Backup } from '../../components/BackupTable';
import { Modal } from '../../components/Modal';
import { call, messageOf } from '../../lib/desktop';

type Restored = ResponseOf<'backups.restore'>;

interface RestoreBackupDialogProps {
  onClose: () => void;
  /** After a restore: the library reloads and says what happened. */
  onRestored: (restored: Restored) => void;
}

/** The kind in a sentence: "(the daily backup, 3 documents)". */
const KIND_PHRASE: Record<Backup['kind'], string> = {
  daily: 'the daily backup',
  'pre-migration': 'the backup made before an update',
  manual: 'a backup made by hand',
};

const documentsOf = (backup: Backup) =>
  backup.documents === null ? 'cannot be read' : `${backup.documents} ${backup.documents === 1 ? 'document' : 'documents'}`;

/** "Restore from backup…": the copies of the store there are, then a confirmation before one replaces it. */
export function RestoreBackupDialog({ onClose, onRestored }: RestoreBackupDialogProps) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Backup | null>(null);
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    call('backups.list', {}).then(setBackups, (failure: unknown) => setError(messageOf(failure)));
  }, []);

  async function restore(backup: Backup) {
    setRestoring(true);
    setError(null);
    try {
      onRestored(await call('backups.restore', { fileName: backup.fileName }));
    } catch (failure) {
      setError(messageOf(failure));
      setRestoring(false);
    }
  }

  if (chosen) {
    return (
      <Modal
        title="Restore this backup?"
        onClose={() => !restoring && setChosen(null)}
        closeOnBackdrop={false}
        footer={
          <>
            <button type="button" disabled={restoring} onClick={() => setChosen(null)}>
              Back to the list
            </button>
            <button type="button" className="button-primary" disabled={restoring} autoFocus onClick={() => void restore(chosen)}>
              {restoring ? 'Restoring…' : 'Restore'}
            </button>
          </>
        }
      >
        <p>
          The library will be as it was on <strong>{backupDateFormat.format(chosen.createdAt)}</strong> ({KIND_PHRASE[chosen.kind]}, {documentsOf(chosen)}).
        </p>
        <p>The current store is not deleted: it is kept beside the restored one, so the work since then can still be recovered.</p>
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}
      </Modal>
    );
  }

  return (
    <Modal
      title="Restore from backup"
      onClose={onClose}
      footer={
        <button type="button" onClick={onClose}>
          Close
        </button>
      }
    >
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      {backups === null ? (
        !error && <p className="muted">Looking for backups…</p>
      ) : backups.length === 0 ? (
        <p className="muted">There are no backups yet. Redline makes one each day it is opened, and before each update of its store.</p>
      ) : (
        <BackupTable backups={backups} actionLabel="Restore…" onChoose={setChosen} />
      )}
    </Modal>
  );
}

import type { ResponseOf } from '../../core/ipc';

export type Backup = ResponseOf<'backups.list'>[number];

export const backupDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const BACKUP_KIND_LABEL: Record<Backup['kind'], string> = {
  daily: 'Daily',
  'pre-migration': 'Before an update',
  manual: 'Made by hand',
};

interface BackupTableProps {
  backups: readonly Backup[];
  /** The text of each row's button ("Restore…" where a confirmation follows). */
  actionLabel: string;
  /** Every button off (work under way); an unreadable backup's is off anyway. */
  disabled?: boolean;
  onChoose: (backup: Backup) => void;
}

/** The backups there are, newest first as listed, each with its date, kind, documents and a restore button. */
export function BackupTable({ backups, actionLabel, disabled = false, onChoose }: BackupTableProps) {
  return (
    <table className="data-table" aria-label="Backups">
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Kind</th>
          <th scope="col" className="numeric">
            Documents
          </th>
          <th scope="col">
            <span className="visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.fileName}>
            <td>{backupDateFormat.format(backup.createdAt)}</td>
            <td>{BACKUP_KIND_LABEL[backup.kind]}</td>
            <td className="numeric">{backup.documents === null ? 'unreadable' : backup.documents}</td>
            <td>
              <button
                type="button"
                disabled={disabled || backup.documents === null}
                aria-label={`Restore the ${BACKUP_KIND_LABEL[backup.kind].toLowerCase()} backup of ${backupDateFormat.format(backup.createdAt)}`}
                onClick={() => onChoose(backup)}
              >
                {actionLabel}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

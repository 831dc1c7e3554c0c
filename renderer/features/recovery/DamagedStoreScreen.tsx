import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../core/ipc';
import { BackupTable, backupDateFormat, type Backup } from '../../components/BackupTable';
import { call, messageOf } from '../../lib/desktop';

type Exported = NonNullable<ResponseOf<'store.exportReadable'>>;

interface DamagedStoreScreenProps {
  /** What SQLite found, in words (the store's health message). */
  message: string;
  /** The store is usable again (a backup restored, or an empty one started): back to the library, saying how. */
  onRecovered: (notice: string) => void;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What the window shows instead of the library when SQLite finds the store damaged (on open, in the background
 * check of a large store, or when a call answers 'damaged'): what happened, and three ways on — restore the
 * newest good backup, export what can still be read, or start with an empty store (the damaged file kept aside).
 */
export function DamagedStoreScreen({ message, onRecovered }: DamagedStoreScreenProps) {
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exported, setExported] = useState<Exported | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);

  useEffect(() => {
    call('backups.list', {}).then(setBackups, (failure: unknown) => setError(messageOf(failure)));
  }, []);

  const readable = (backups ?? []).filter((backup) => backup.documents !== null);
  const newest = readable[0] ?? null;

  async function run(what: string, work: () => Promise<void>) {
    setBusy(what);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(null);
    }
  }

  const restore = (backup: Backup) =>
    run('restore', async () => {
      const { restored, keptAs } = await call('backups.restore', { fileName: backup.fileName });
      const kept = keptAs ? ` The damaged store is kept beside it as ${keptAs}.` : '';
      onRecovered(`Restored the backup of ${backupDateFormat.format(restored.createdAt)}.${kept}`);
    });

  const exportReadable = () =>
    run('export', async () => {
      const result = await call('store.exportReadable', {});
      if (result) setExported(result);
    });

  const startEmpty = () =>
    run('empty', async () => {
      const { keptAs } = await call('store.startEmpty', {});
      onRecovered(`Started with an empty store. The damaged one is kept as ${keptAs}.`);
    });

  return (
    <section className="screen recovery" aria-labelledby="recovery-title">
      <div className="recovery-body">
        <h1 id="recovery-title">Redline’s store is damaged</h1>
        <p>
          Part of the file where Redline keeps your documents and their history can no longer be read as it was
          written — typically a disk or a copy that failed. Redline stopped using it so that nothing more is lost.
        </p>
        <p className="recovery-detail" data-testid="damage">
          {message}
        </p>
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}

        <h2>Restore the newest good backup</h2>
        {backups === null ? (
          !error && <p className="muted">Looking for backups…</p>
        ) : backups.length === 0 ? (
          <p className="muted">There are no backups of this store.</p>
        ) : (
          <>
            {newest && (
              <p>
                <button type="button" className="button-primary" disabled={busy !== null} onClick={() => void restore(newest)}>
                  {busy === 'restore' ? 'Restoring…' : 'Restore the newest good backup'}
                </button>{' '}
                <span className="muted">
                  {backupDateFormat.format(newest.createdAt)}, {plural(newest.documents ?? 0, 'document', 'documents')}. The damaged file is kept
                  beside it.
                </span>
              </p>
            )}
            <BackupTable backups={backups} actionLabel="Restore" disabled={busy !== null} onChoose={(backup) => void restore(backup)} />
          </>
        )}

        <h2>Export what can be read</h2>
        <p>
          Every document that can still be read is written to a folder you choose: its corrected text, and a table
          with the source, the machine translation and your correction side by side. Documents that cannot be read
          are skipped and named.
        </p>
        <p>
          <button type="button" disabled={busy !== null} onClick={() => void exportReadable()}>
            {busy === 'export' ? 'Exporting…' : 'Export what can be read…'}
          </button>
        </p>
        {exported && (
          <div role="status" className="recovery-result" aria-label="Export result">
            <p>
              {plural(exported.exported.length, 'document', 'documents')} written to {exported.folder}
              {exported.skipped.length > 0 ? `; ${exported.skipped.length} could not be read:` : '.'}
            </p>
            {exported.exported.length > 0 && (
              <ul aria-label="Exported">
                {exported.exported.map((document) => (
                  <li key={document.files[0]}>
                    {document.title} — {plural(document.sentences, 'sentence', 'sentences')} ({document.files.join(', ')})
                  </li>
                ))}
              </ul>
            )}
            {exported.skipped.length > 0 && (
              <ul aria-label="Skipped">
                {exported.skipped.map((skipped, index) => (
                  <li key={index}>
                    Skipped {skipped.title === null ? 'the rest of the library' : `“${skipped.title}”`}: {skipped.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}

        <h2>Start with an empty store</h2>
        <p>The damaged file is not deleted: it is kept aside next to the new store, so it can still be looked at later.</p>
        <p>
          {confirmEmpty ? (
            <>
              <button type="button" disabled={busy !== null} onClick={() => void startEmpty()}>
                {busy === 'empty' ? 'Starting…' : 'Yes, start with an empty store'}
              </button>{' '}
              <button type="button" disabled={busy !== null} onClick={() => setConfirmEmpty(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button type="button" disabled={busy !== null} onClick={() => setConfirmEmpty(true)}>
              Start with an empty store…
            </button>
          )}
        </p>
      </div>
    </section>
  );
}

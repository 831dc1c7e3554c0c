import { call } from '../lib/desktop';

interface TableScreenHeaderProps {
  title: string;
  /** Which table: its CSV import and export channels. */
  table: 'memory' | 'glossary';
  /** What one row is called in messages ("rules", "terms"). */
  rows: string;
  onBack: () => void;
  onImported: () => void;
  onNotice: (notice: { kind: 'error' | 'info'; message: string }) => void;
  onError: (error: unknown) => void;
}

/** The header of the fix memory and glossary screens: back to the library, CSV import and export. */
export function TableScreenHeader({ title, table, rows, onBack, onImported, onNotice, onError }: TableScreenHeaderProps) {
  return (
    <header className="toolbar">
      <button type="button" className="button-quiet" onClick={onBack}>
        ← Library
      </button>
      <h1 className="toolbar-title">{title}</h1>
      <button
        type="button"
        onClick={() =>
          void call(`${table}.importCsv`, {}).then((done) => {
            if (done) onNotice({ kind: 'info', message: `Imported ${done.count} ${rows}${done.settingsImported ? ', and the check settings and word list saved beside them' : ''}.` });
            onImported();
          }, onError)
        }
      >
        Import CSV…
      </button>
      <button
        type="button"
        onClick={() =>
          void call(`${table}.exportCsv`, {}).then(
            (done) =>
              done &&
              onNotice({
                kind: 'info',
                message: `Exported ${done.count} ${rows} to ${done.path}${done.settingsPath ? `, and the check settings and word list to ${done.settingsPath}` : ''}`,
              }),
            onError,
          )
        }
      >
        Export CSV…
      </button>
    </header>
  );
}

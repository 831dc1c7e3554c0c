import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../core/model/document';
import { Progress } from '../../components/Progress';
import { call, messageOf } from '../../lib/desktop';

interface LibraryScreenProps {
  onOpen: (document: DocumentSummary) => void;
  onNotice: (notice: { kind: 'error' | 'info'; message: string }) => void;
  onMemory: () => void;
  onGlossary: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every stored document with its progress, and the ways to add one. */
export function LibraryScreen({ onOpen, onNotice, onMemory, onGlossary }: LibraryScreenProps) {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('documents.list', {}).then(setDocuments, (error: unknown) =>
      onNotice({ kind: 'error', message: messageOf(error) }),
    );
  }, [onNotice]);

  async function add(channel: 'documents.importFile' | 'documents.openSample') {
    setBusy(true);
    try {
      const added = await call(channel, {});
      if (added) onOpen(added);
    } catch (error) {
      onNotice({ kind: 'error', message: messageOf(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="screen library-screen">
      <header className="toolbar">
        <h1 className="toolbar-title brand">Redline</h1>
        <button type="button" className="button-primary" disabled={busy} onClick={() => void add('documents.importFile')}>
          Open file…
        </button>
        <button type="button" disabled={busy} onClick={() => void add('documents.openSample')}>
          Open the sample
        </button>
        <button type="button" className="button-quiet" onClick={onMemory}>
          Fix memory
        </button>
        <button type="button" className="button-quiet" onClick={onGlossary}>
          Glossary
        </button>
      </header>
      <main className="library">
        {documents === null ? (
          <p className="muted">Loading the library…</p>
        ) : documents.length === 0 ? (
          <p className="muted">No documents yet. Open a machine-translated text file, or the sample article.</p>
        ) : (
          <ul className="library-list" aria-label="Documents">
            {documents.map((doc) => (
              <li key={doc.id}>
                <button type="button" className="library-item" onClick={() => onOpen(doc)}>
                  <span className="library-title">{doc.title}</span>
                  <span className="library-meta">
                    {doc.fileName} · {doc.segmentCount} sentences · opened {dateFormat.format(doc.openedAt)}
                  </span>
                  <Progress done={doc.editedCount} total={doc.segmentCount} label="edited" />
                </button>
              </li>
            ))}
          </ul>
        )}
      </main>
    </div>
  );
}

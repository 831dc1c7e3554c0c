import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../core/model/document';
import { Modal } from '../../components/Modal';
import { Progress } from '../../components/Progress';
import { PromptDialog } from '../../components/PromptDialog';
import { FORMATS } from '../../../core/formats/registry';
import type { ResponseOf } from '../../../core/ipc';
import { call, messageOf } from '../../lib/desktop';
import { ImportDialog } from './ImportDialog';
import { RestoreBackupDialog } from './RestoreBackupDialog';

interface LibraryScreenProps {
  /** The document just left: its entry has the keyboard once the list is shown, as where the editor was. */
  from?: number;
  onOpen: (document: DocumentSummary) => void;
  onNotice: (notice: { kind: 'error' | 'info'; message: string }) => void;
  onMemory: () => void;
  onGlossary: () => void;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Every stored document with its progress, and the ways to add, rename and delete one. */
export function LibraryScreen({ from, onOpen, onNotice, onMemory, onGlossary }: LibraryScreenProps) {
  const [documents, setDocuments] = useState<DocumentSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [renaming, setRenaming] = useState<DocumentSummary | null>(null);
  const [deleting, setDeleting] = useState<DocumentSummary | null>(null);
  const [picked, setPicked] = useState<ResponseOf<'documents.pickFile'>>(null);
  const [restoring, setRestoring] = useState(false);
  const onError = useCallback((error: unknown) => onNotice({ kind: 'error', message: messageOf(error) }), [onNotice]);
  const load = useCallback(() => void call('documents.list', {}).then(setDocuments, onError), [onError]);
  useEffect(load, [load]);
  // A deleted document's place in the list: the keyboard goes to the document now there (or the last one, or
  // Open file… when none is left) instead of to the page, with the Delete button it was on.
  const deletedAt = useRef<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (deletedAt.current === null || documents === null) return;
    const items = listRef.current?.querySelectorAll<HTMLElement>('.library-item') ?? [];
    (items[Math.min(deletedAt.current, items.length - 1)] ?? openRef.current)?.focus();
    deletedAt.current = null;
  }, [documents]);
  // Once the list is first shown, the keyboard is on an entry, so Enter opens it and the arrows and Tab go on from
  // it: back from a document, that document's; else the one opened last (first in the list), unless the editor has
  // already put the keyboard somewhere. Open file… when there is no such entry.
  const firstShown = useRef<{ from?: number } | null>({ from }); // null once the list has been shown
  useEffect(() => {
    const first = firstShown.current;
    if (first === null || documents === null) return;
    firstShown.current = null;
    if (first.from === undefined && window.document.activeElement !== window.document.body) return;
    const entry = listRef.current?.querySelector<HTMLElement>(first.from === undefined ? '.library-item' : `.library-item[data-document-id="${first.from}"]`);
    (entry ?? openRef.current)?.focus();
  }, [documents]);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  const openSample = () => run(async () => onOpen(await call('documents.openSample', {})));
  const pickFile = () =>
    run(async () => {
      const file = await call('documents.pickFile', {});
      if (file) setPicked(file);
    });

  return (
    <div className="screen library-screen">
      <header className="toolbar">
        <h1 className="toolbar-title brand">Redline</h1>
        <button type="button" className="button-primary" ref={openRef} disabled={busy} onClick={() => void pickFile()}>
          Open file…
        </button>
        <button type="button" disabled={busy} onClick={() => void openSample()}>
          Open the sample
        </button>
        <button type="button" className="button-quiet" onClick={onMemory}>
          Fix memory
        </button>
        <button type="button" className="button-quiet" onClick={onGlossary}>
          Glossary
        </button>
        <button type="button" className="button-quiet" disabled={busy} onClick={() => setRestoring(true)}>
          Restore from backup…
        </button>
      </header>
      <div className="library">
        {documents === null ? (
          <p className="muted">Loading the library…</p>
        ) : documents.length === 0 ? (
          <p className="muted">No documents yet. Open a machine-translated text file, or the sample article.</p>
        ) : (
          <ul className="library-list" aria-label="Documents" ref={listRef}>
            {documents.map((doc) => (
              <li key={doc.id} className="library-entry">
                <button type="button" className="library-item" data-document-id={doc.id} onClick={() => onOpen(doc)}>
                  <span className="library-title">{doc.title}</span>
                  <span className="library-meta">
                    {doc.fileName} · {doc.segmentCount.toLocaleString()} {doc.segmentCount === 1 ? 'sentence' : 'sentences'} · {doc.editedCount} corrected{doc.emptyCount > 0 ? ` · ${doc.emptyCount} empty` : ''} · last opened{' '}
                    {dateFormat.format(doc.openedAt)}
                  </span>
                  <Progress done={doc.confirmedCount} total={doc.segmentCount} label="confirmed" />
                </button>
                <span className="library-actions">
                  <button type="button" className="button-quiet" onClick={() => setRenaming(doc)} aria-label={`Rename ${doc.title}`}>
                    Rename
                  </button>
                  <button type="button" className="button-quiet" onClick={() => setDeleting(doc)} aria-label={`Delete ${doc.title}`}>
                    Delete
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {picked && (
        <ImportDialog
          picked={picked}
          formats={FORMATS.map((f) => f.id)}
          onClose={() => setPicked(null)}
          onError={onError}
          onImported={(document) => {
            setPicked(null);
            onOpen(document);
          }}
          onCancelled={(message) => {
            setPicked(null);
            onNotice({ kind: 'info', message });
          }}
        />
      )}
      {restoring && (
        <RestoreBackupDialog
          onClose={() => setRestoring(false)}
          onRestored={({ restored, keptAs }) => {
            setRestoring(false);
            const kept = keptAs ? ` The store it replaced is kept beside it as ${keptAs}.` : '';
            onNotice({ kind: 'info', message: `Restored the backup of ${dateFormat.format(restored.createdAt)}.${kept}` });
            load();
          }}
        />
      )}
      {renaming && (
        <PromptDialog
          title="Rename the document"
          label="Title"
          initial={renaming.title}
          confirm="Rename"
          onClose={() => setRenaming(null)}
          onSubmit={(title) => {
            const id = renaming.id;
            setRenaming(null);
            void call('documents.rename', { documentId: id, title }).then(load, onError);
          }}
        />
      )}
      {deleting && (
        <Modal
          title="Delete the document?"
          onClose={() => setDeleting(null)}
          footer={
            <>
              <button type="button" onClick={() => setDeleting(null)}>
                Keep it
              </button>
              <button
                type="button"
                className="button-primary"
                onClick={() => {
                  const doc = deleting;
                  setDeleting(null);
                  void call('documents.delete', { documentId: doc.id }).then(() => {
                    deletedAt.current = documents?.findIndex((d) => d.id === doc.id) ?? 0;
                    onNotice({ kind: 'info', message: `Deleted “${doc.title}”.` });
                    load();
                  }, onError);
                }}
              >
                Delete “{deleting.title}”
              </button>
            </>
          }
        >
          <p>
            “<strong>{deleting.title}</strong>” ({deleting.fileName}) and all its corrections, history, notes and
            annotations will be deleted. This cannot be undone.
          </p>
        </Modal>
      )}
    </div>
  );
}

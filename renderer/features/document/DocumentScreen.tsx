import { useState, useSyncExternalStore } from 'react';
import type { DocumentSummary } from '../../../core/model/document';
import { Progress } from '../../components/Progress';
import { call, messageOf } from '../../lib/desktop';
import { SaveIndicator } from './SaveIndicator';
import { SegmentGrid } from './SegmentGrid';
import { useDocumentEditor } from './useDocumentEditor';

interface DocumentScreenProps {
  document: DocumentSummary;
  onBack: () => void;
  onNotice: (notice: { kind: 'error' | 'info'; message: string }) => void;
}

/** The review of one document: every MT sentence beside its correction, saved as the editor types. */
export function DocumentScreen({ document, onBack, onNotice }: DocumentScreenProps) {
  const onError = (message: string) => onNotice({ kind: 'error', message });
  const editor = useDocumentEditor(document.id, document.editedCount);
  const saveState = useSyncExternalStore(editor.queue.subscribe, editor.queue.getState);
  const [exporting, setExporting] = useState(false);

  async function exportText() {
    setExporting(true);
    try {
      await editor.flush();
      const saved = await call('documents.exportText', { documentId: document.id });
      if (saved) onNotice({ kind: 'info', message: `Exported the clean text to ${saved.path}` });
    } catch (error) {
      onError(messageOf(error));
    } finally {
      setExporting(false);
    }
  }

  async function back() {
    await editor.flush();
    onBack();
  }

  return (
    <div className="screen document-screen">
      <header className="toolbar">
        <button type="button" className="button-quiet" onClick={() => void back()}>
          ← Library
        </button>
        <h1 className="toolbar-title" title={document.fileName}>
          {document.title}
        </h1>
        <Progress done={editor.editedCount} total={document.segmentCount} label="edited" />
        <SaveIndicator state={saveState} />
        <button type="button" className="button-primary" onClick={() => void exportText()} disabled={exporting}>
          {exporting ? 'Exporting…' : 'Export clean text…'}
        </button>
      </header>
      {editor.pages.error && (
        <p className="inline-error" role="alert">
          Could not load sentences: {editor.pages.error}
        </p>
      )}
      <SegmentGrid
        pages={editor.pages}
        total={document.segmentCount}
        textOf={editor.textOf}
        onChange={editor.change}
        onRevert={(segment) => editor.revert(segment).catch((error: unknown) => onError(messageOf(error)))}
      />
    </div>
  );
}

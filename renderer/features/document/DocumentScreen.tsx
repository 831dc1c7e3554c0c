import { useState } from 'react';
import type { DocumentSummary } from '../../../core/model/document';
import { Progress } from '../../components/Progress';
import { call, messageOf } from '../../lib/desktop';
import { SaveIndicator } from './SaveIndicator';
import { SegmentGrid } from './SegmentGrid';
import { useDocumentEditing } from './useDocumentEditing';

interface DocumentScreenProps {
  document: DocumentSummary;
  onBack: () => void;
  onNotice: (notice: { kind: 'error' | 'info'; message: string }) => void;
}

/** The review of one document: every MT sentence beside its correction, saved as the editor types. */
export function DocumentScreen({ document, onBack, onNotice }: DocumentScreenProps) {
  const onError = (message: string) => onNotice({ kind: 'error', message });
  const editing = useDocumentEditing(document.id, document.editedCount, onError);
  const [exporting, setExporting] = useState(false);

  async function exportText() {
    setExporting(true);
    try {
      await editing.flush();
      const saved = await call('documents.exportText', { documentId: document.id });
      if (saved) onNotice({ kind: 'info', message: `Exported the clean text to ${saved.path}` });
    } catch (error) {
      onError(messageOf(error));
    } finally {
      setExporting(false);
    }
  }

  async function back() {
    await editing.flush();
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
        <Progress done={editing.editedCount} total={document.segmentCount} label="edited" />
        <SaveIndicator state={editing.saveState} />
        <button type="button" className="button-primary" onClick={() => void exportText()} disabled={exporting}>
          {exporting ? 'Exporting…' : 'Export clean text…'}
        </button>
      </header>
      {editing.pages.error && (
        <p className="inline-error" role="alert">
          Could not load sentences: {editing.pages.error}
        </p>
      )}
      <SegmentGrid
        pages={editing.pages}
        total={document.segmentCount}
        textOf={editing.textOf}
        onChange={editing.change}
        onRevert={(segment) => void editing.revert(segment)}
      />
    </div>
  );
}

import { useState, useSyncExternalStore } from 'react';
import type { DocumentSummary } from '../../../core/model/document';
import { Progress } from '../../components/Progress';
import { call, messageOf } from '../../lib/desktop';
import { MetricsPanel } from '../metrics/MetricsPanel';
import { DiffViewToggle } from './DiffViewToggle';
import { SaveIndicator } from './SaveIndicator';
import { SegmentGrid } from './SegmentGrid';
import { useDocumentEditor } from './useDocumentEditor';
import { useDiffView, useTerOptions } from './viewSettings';

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
  const [view, setView] = useDiffView();
  const [terOptions, setTerOptions] = useTerOptions();
  const [showMetrics, setShowMetrics] = useState(false);
  const active = editor.activeSegment;

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
        <DiffViewToggle view={view} onChange={setView} />
        <button
          type="button"
          aria-pressed={showMetrics}
          className={showMetrics ? 'toggle-on' : undefined}
          onClick={() => setShowMetrics(!showMetrics)}
        >
          Metrics
        </button>
        <button type="button" className="button-primary" onClick={() => void exportText()} disabled={exporting}>
          {exporting ? 'Exporting…' : 'Export clean text…'}
        </button>
      </header>
      {editor.pages.error && (
        <p className="inline-error" role="alert">
          Could not load sentences: {editor.pages.error}
        </p>
      )}
      <div className="document-body">
        <SegmentGrid
          pages={editor.pages}
          total={document.segmentCount}
          view={view}
          terOptions={terOptions}
          textOf={editor.textOf}
          onChange={editor.change}
          onRevert={(segment) => editor.revert(segment).catch((error: unknown) => onError(messageOf(error)))}
          onActivity={editor.activity}
        />
        {showMetrics && (
          <MetricsPanel
            documentId={document.id}
            savedCount={editor.savedCount}
            options={terOptions}
            onOptions={setTerOptions}
            active={active && { segment: active, text: editor.textOf(active), unsaved: editor.unsavedEffort(active.id) }}
            onClose={() => setShowMetrics(false)}
          />
        )}
      </div>
    </div>
  );
}

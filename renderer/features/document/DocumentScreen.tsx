import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CheckId, Flag } from '../../../core/checks/types';
import type { DocumentSummary } from '../../../core/model/document';
import type { Segment } from '../../../core/model/segment';
import { Progress } from '../../components/Progress';
import { call, messageOf } from '../../lib/desktop';
import { FlagsPanel } from '../checks/FlagsPanel';
import { useDocumentChecks } from '../checks/useDocumentChecks';
import { ChangePreviewDialog, type PreviewedChange } from '../fixes/ChangePreviewDialog';
import { PropagationBar, type Suggestion } from '../fixes/PropagationBar';
import { UndoBar } from '../fixes/UndoBar';
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

type Outcome = { batch: { id: number; label: string }; segments: Segment[]; skipped: number };

interface Preview {
  title: string;
  changes: PreviewedChange[];
  apply: (segmentIds: number[]) => Promise<Outcome>;
}

/** The review of one document: every MT sentence beside its correction, saved as the editor types. */
export function DocumentScreen({ document, onBack, onNotice }: DocumentScreenProps) {
  const onError = useCallback((error: unknown) => onNotice({ kind: 'error', message: messageOf(error) }), [onNotice]);
  const editor = useDocumentEditor(document.id, document.editedCount);
  const saveState = useSyncExternalStore(editor.queue.subscribe, editor.queue.getState);
  const checks = useDocumentChecks(document.id, editor.savedCount);
  const [exporting, setExporting] = useState(false);
  const [view, setView] = useDiffView();
  const [terOptions, setTerOptions] = useTerOptions();
  const [panel, setPanel] = useState<'none' | 'flags' | 'metrics'>('none');
  const [filter, setFilter] = useState<CheckId | 'any' | null>(null);
  const [reveal, setReveal] = useState<{ position: number; nonce: number } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [undo, setUndo] = useState<(Outcome & { changed: number }) | null>(null);
  const active = editor.activeSegment;

  const flaggedPositions = useMemo(() => [...checks.byPosition.keys()].sort((a, b) => a - b), [checks.byPosition]);
  const positions = useMemo(() => {
    if (filter === null) return null;
    if (filter === 'any') return flaggedPositions;
    return flaggedPositions.filter((p) => checks.byPosition.get(p)?.some((flag) => flag.check === filter));
  }, [filter, flaggedPositions, checks.byPosition]);

  /** A bulk action landed: show its sentences, offer to undo it, check again. */
  const landed = useCallback(
    (outcome: Outcome) => {
      editor.applied(outcome.segments);
      setUndo({ ...outcome, changed: outcome.segments.length });
      checks.refresh();
    },
    [editor, checks],
  );

  async function run(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  const revealNext = useCallback(
    (direction: 1 | -1) => {
      const from = active?.position ?? 0;
      const list = direction === 1 ? flaggedPositions : [...flaggedPositions].reverse();
      const next = list.find((p) => (direction === 1 ? p > from : p < from)) ?? list[0];
      if (next === undefined) return;
      setReveal({ position: next, nonce: Date.now() });
      // Once the row is rendered, put the caret in it.
      setTimeout(() => window.document.querySelector<HTMLElement>(`textarea[data-position="${next}"]`)?.focus(), 120);
    },
    [active, flaggedPositions],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'F8') {
        event.preventDefault();
        revealNext(event.shiftKey ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [revealNext]);

  const onFix = useCallback(
    (segment: Segment, flag: Flag) =>
      void call('fixes.applyOne', { segmentId: segment.id, check: flag.check, start: flag.start, end: flag.end }).then(
        landed,
        onError,
      ),
    [landed, onError],
  );

  const onIgnore = useCallback(
    (segment: Segment, flag: Flag) =>
      void call('checks.ignore', { segmentId: segment.id, check: flag.check, ignored: true }).then(
        () => checks.refresh(),
        onError,
      ),
    [checks, onError],
  );

  const onLeave = useCallback(
    (segment: Segment) => {
      const change = editor.leave(segment);
      if (!change) return;
      void (async () => {
        await editor.flush();
        const found = await call('propagation.suggest', { segmentId: segment.id, ...change });
        setSuggestion(found[0] ?? null);
      })().catch(onError);
    },
    [editor, onError],
  );

  function fixAll(check: CheckId) {
    void run(async () => {
      await editor.flush();
      const changes = await call('fixes.preview', { documentId: document.id, check });
      if (changes.length === 0) {
        onNotice({ kind: 'info', message: 'Nothing left to fix automatically for this check.' });
        return;
      }
      setPreview({
        title: `Fix all: ${changes.length} sentence${changes.length === 1 ? '' : 's'}`,
        changes,
        apply: (segmentIds) => call('fixes.applyAll', { documentId: document.id, check, segmentIds }),
      });
    });
  }

  function propagate(current: Suggestion, review: boolean) {
    const apply = (segmentIds: number[]) =>
      call('propagation.apply', { documentId: document.id, rule: current.rule, segmentIds });
    setSuggestion(null);
    if (review) {
      setPreview({ title: `Apply “${current.rule.find}” → “${current.rule.replace}”`, changes: current.matches, apply });
    } else {
      void run(async () => landed(await apply(current.matches.map((m) => m.segmentId))));
    }
  }

  function applyMemory() {
    void run(async () => {
      await editor.flush();
      const changes = await call('memory.preview', { documentId: document.id });
      if (changes.length === 0) {
        onNotice({ kind: 'info', message: 'The fix memory has nothing to change in this document.' });
        return;
      }
      setPreview({
        title: `Fix memory: ${changes.length} sentence${changes.length === 1 ? '' : 's'}`,
        changes,
        apply: (segmentIds) => call('memory.apply', { documentId: document.id, segmentIds }),
      });
    });
  }

  function undoLast() {
    if (!undo) return;
    const batchId = undo.batch.id;
    setUndo(null);
    void run(async () => {
      const outcome = await call('batches.undo', { batchId });
      editor.applied(outcome.segments);
      checks.refresh();
      onNotice({ kind: 'info', message: `${outcome.batch.label}: restored ${outcome.segments.length} sentences.` });
    });
  }

  async function exportText() {
    setExporting(true);
    try {
      await editor.flush();
      const saved = await call('documents.exportText', { documentId: document.id });
      if (saved) onNotice({ kind: 'info', message: `Exported the clean text to ${saved.path}` });
    } catch (error) {
      onError(error);
    } finally {
      setExporting(false);
    }
  }

  async function back() {
    await editor.flush();
    onBack();
  }

  const togglePanel = (which: 'flags' | 'metrics') => setPanel(panel === which ? 'none' : which);
  const flaggedCount = checks.byPosition.size;

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
        <button type="button" aria-pressed={panel === 'flags'} className={panel === 'flags' ? 'toggle-on' : undefined} onClick={() => togglePanel('flags')}>
          Flags{flaggedCount > 0 ? ` (${flaggedCount})` : ''}
        </button>
        <button type="button" aria-pressed={panel === 'metrics'} className={panel === 'metrics' ? 'toggle-on' : undefined} onClick={() => togglePanel('metrics')}>
          Metrics
        </button>
        <button type="button" onClick={applyMemory} disabled={busy} title="Apply the corrections Redline has learnt">
          Fix memory…
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
      {suggestion && (
        <PropagationBar
          suggestion={suggestion}
          onReview={() => propagate(suggestion, true)}
          onApplyAll={() => propagate(suggestion, false)}
          onDismiss={() => setSuggestion(null)}
        />
      )}
      {undo && (
        <UndoBar label={undo.batch.label} changed={undo.changed} skipped={undo.skipped} onUndo={undoLast} onDismiss={() => setUndo(null)} />
      )}
      <div className="document-body">
        <SegmentGrid
          pages={editor.pages}
          total={document.segmentCount}
          view={view}
          terOptions={terOptions}
          textOf={editor.textOf}
          onChange={editor.change}
          onRevert={(segment) => editor.revert(segment).catch(onError)}
          onActivity={editor.activity}
          flagsAt={(position) => checks.byPosition.get(position)}
          onFix={onFix}
          onIgnore={onIgnore}
          onLeave={onLeave}
          positions={positions}
          reveal={reveal}
        />
        {panel === 'flags' && (
          <FlagsPanel
            checks={checks}
            filter={filter}
            onFilter={setFilter}
            onFixAll={fixAll}
            onNext={revealNext}
            onClose={() => setPanel('none')}
          />
        )}
        {panel === 'metrics' && (
          <MetricsPanel
            documentId={document.id}
            savedCount={editor.savedCount}
            options={terOptions}
            onOptions={setTerOptions}
            active={active && { segment: active, text: editor.textOf(active), unsaved: editor.unsavedEffort(active.id) }}
            onClose={() => setPanel('none')}
          />
        )}
      </div>
      {preview && (
        <ChangePreviewDialog
          title={preview.title}
          changes={preview.changes}
          busy={busy}
          onClose={() => setPreview(null)}
          onApply={(segmentIds) => {
            const current = preview;
            setPreview(null);
            void run(async () => landed(await current.apply(segmentIds)));
          }}
        />
      )}
    </div>
  );
}

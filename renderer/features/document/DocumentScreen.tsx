import { useCallback, useState, useSyncExternalStore } from 'react';
import type { CheckId, Flag } from '../../../core/checks/types';
import type { DocumentSummary } from '../../../core/model/document';
import { SEGMENT_STATUSES, type Segment, type SegmentStatus } from '../../../core/model/segment';
import { Progress } from '../../components/Progress';
import { call, messageOf } from '../../lib/desktop';
import { FlagsPanel } from '../checks/FlagsPanel';
import { useDocumentChecks } from '../checks/useDocumentChecks';
import { ChangePreviewDialog } from '../fixes/ChangePreviewDialog';
import { PropagationBar, type Suggestion } from '../fixes/PropagationBar';
import { UndoBar } from '../fixes/UndoBar';
import { AnnotateDialog, type Selection } from '../annotations/AnnotateDialog';
import { HistoryPanel } from '../history/HistoryPanel';
import { TimelinePanel } from '../history/TimelinePanel';
import { MetricsPanel } from '../metrics/MetricsPanel';
import { FindReplaceDialog, type ReplaceOptions } from '../search/FindReplaceDialog';
import { SearchPanel } from '../search/SearchPanel';
import { PromptDialog } from '../../components/PromptDialog';
import { STATUS_LABELS } from '../../components/StatusBadge';
import { ExportDialog } from './ExportDialog';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { useReviewActions } from './useReviewActions';
import { nextIn, useRowFilter, type Filter } from './useRowFilter';
import { plural, useBulkChange, type Outcome } from './useBulkChange';
import { useDocumentShortcuts } from './useDocumentShortcuts';
import { pickedSelection } from './selection';
import { DiffViewToggle } from './DiffViewToggle';
import { SaveIndicator } from './SaveIndicator';
import { SegmentGrid } from './SegmentGrid';
import { useDocumentEditor } from './useDocumentEditor';
import { useDiffView, useTerOptions } from './viewSettings';

interface DocumentScreenProps {
  document: DocumentSummary;
  onBack: () => void;
  onNotice: (notice: { kind: 'error' | 'info'; message: string }) => void;
  /** Opens another document (a search hit there), at a sentence. */
  onOpenDocument: (documentId: number, position: number) => void;
  /** A sentence to show first (when opened from a search hit). */
  startAt?: number;
}

type Panel = 'none' | 'flags' | 'metrics' | 'history' | 'timeline' | 'search';
/** The review of one document: every MT sentence beside its correction, saved as the editor types. */
export function DocumentScreen({ document, onBack, onNotice, onOpenDocument, startAt }: DocumentScreenProps) {
  const onError = useCallback((error: unknown) => onNotice({ kind: 'error', message: messageOf(error) }), [onNotice]);
  const onInfo = useCallback((message: string) => onNotice({ kind: 'info', message }), [onNotice]);
  const editor = useDocumentEditor(document.id, document.editedCount);
  const saveState = useSyncExternalStore(editor.queue.subscribe, editor.queue.getState);
  const checks = useDocumentChecks(document.id, editor.savedCount);
  const [exporting, setExporting] = useState(false);
  const [view, setView] = useDiffView();
  const [terOptions, setTerOptions] = useTerOptions();
  const [panel, setPanel] = useState<Panel>('none');
  const { filter, setFilter, positions, flaggedPositions, checkFilter } = useRowFilter(document.id, checks.byPosition, editor.savedCount, onError);
  const [dialog, setDialog] = useState<
    | { kind: 'replace' }
    | { kind: 'reject'; segment: Segment }
    | { kind: 'annotate'; selection: Selection }
    | { kind: 'shortcuts' }
    | { kind: 'export' }
    | null
  >(null);
  const [noteOpenFor, setNoteOpenFor] = useState<number | null>(null);
  const review = useReviewActions(document.id, editor, onError);
  // Opened at a sentence (a search hit in another document): it is shown first.
  const [reveal, setReveal] = useState<{ position: number; nonce: number; focus?: boolean } | null>(() =>
    startAt ? { position: startAt, nonce: 0 } : null,
  );
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [undo, setUndo] = useState<(Outcome & { changed: number }) | null>(null);
  const active = editor.activeSegment;

  /** A bulk action landed: show its sentences, offer to undo it, check again. */
  const landed = useCallback(
    (outcome: Outcome) => {
      editor.applied(outcome.segments);
      setUndo({ ...outcome, changed: outcome.segments.length });
      checks.refresh();
      review.refresh();
    },
    [editor, checks, review],
  );
  const bulk = useBulkChange(editor.flush, landed, onInfo, onError);

  /** Brings a sentence into view and puts the caret in its correction (once its row is rendered). */
  const goTo = useCallback((position: number) => setReveal({ position, nonce: Date.now(), focus: true }), []);

  const revealNext = useCallback(
    (direction: 1 | -1) => {
      const next = nextIn(flaggedPositions, active?.position ?? 0, direction);
      if (next !== undefined) goTo(next);
    },
    [active, flaggedPositions, goTo],
  );

  /** The sentence after (or before) the active one, within the filter when one is on. */
  const neighbour = (direction: 1 | -1): number | null => {
    const from = active?.position ?? 0;
    if (positions) {
      const list = direction === 1 ? positions : [...positions].reverse();
      return list.find((p) => (direction === 1 ? p > from : p < from)) ?? null;
    }
    const next = from + direction;
    return next >= 1 && next <= document.segmentCount ? next : null;
  };

  const confirmAndNext = async () => {
    if (!active) return;
    await review.setStatus(active, 'confirmed');
    const next = await review.nextUnconfirmed(active.position);
    if (next !== null) goTo(next);
  };

  const undoOrRedo = (direction: 'undo' | 'redo') =>
    void review.step(direction).then((outcome) => onInfo(`${outcome.batch.label} (${plural(outcome.segments.length, 'sentence')})`), onError);

  const move = (direction: 1 | -1) => {
    const target = neighbour(direction) ?? (active ? null : 1);
    if (target !== null) goTo(target);
  };

  useDocumentShortcuts(
    {
      confirm: () => void confirmAndNext().catch(onError),
      next: () => move(1),
      previous: () => move(-1),
      nextFlagged: () => revealNext(1),
      previousFlagged: () => revealNext(-1),
      revert: () => active && void editor.revert(active).catch(onError),
      copyMt: () => active && editor.change(active, active.mtText),
      undo: () => undoOrRedo('undo'),
      redo: () => undoOrRedo('redo'),
      search: () => setPanel('search'),
      replace: () => void editor.flush().then(() => setDialog({ kind: 'replace' })),
      history: () => active && setPanel('history'),
      note: () => active && setNoteOpenFor(active.id),
      annotate: () => {
        const picked = pickedSelection(active, (position) => editor.pages.at(position - 1));
        if (picked) void editor.flush().then(() => setDialog({ kind: 'annotate', selection: picked }));
        else onInfo('Select the words the error is in first.');
      },
      help: () => setDialog({ kind: 'shortcuts' }),
    },
    dialog === null,
  );

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

  const onStatus = useCallback(
    (segment: Segment, status: SegmentStatus) => {
      if (status === 'rejected') setDialog({ kind: 'reject', segment });
      else void review.setStatus(segment, status).catch(onError);
    },
    [review, onError],
  );

  const onNote = useCallback(
    (segment: Segment, note: string) => {
      setNoteOpenFor(null);
      if (note.trim() === (segment.note ?? '')) return;
      void call('segments.note', { segmentId: segment.id, text: note }).then(
        (saved) => editor.pages.replace({ ...segment, note: saved || null }),
        onError,
      );
    },
    [editor, onError],
  );

  function replaceAll(options: ReplaceOptions) {
    setDialog(null);
    bulk.start({
      load: () => call('replace.preview', { documentId: document.id, ...options }),
      title: (count) => `Replace “${options.find}” → “${options.replace}”: ${plural(count, 'change')}`,
      nothing: `“${options.find}” does not occur in this document.`,
      apply: (segmentIds) => call('replace.apply', { documentId: document.id, ...options, segmentIds }),
    });
  }

  function fixAll(check: CheckId) {
    bulk.start({
      load: () => call('fixes.preview', { documentId: document.id, check }),
      title: (count) => `Fix all: ${plural(count, 'sentence')}`,
      nothing: 'Nothing left to fix automatically for this check.',
      apply: (segmentIds) => call('fixes.applyAll', { documentId: document.id, check, segmentIds }),
    });
  }

  function applyMemory() {
    bulk.start({
      load: () => call('memory.preview', { documentId: document.id }),
      title: (count) => `Fix memory: ${plural(count, 'sentence')}`,
      nothing: 'The fix memory has nothing to change in this document.',
      apply: (segmentIds) => call('memory.apply', { documentId: document.id, segmentIds }),
    });
  }

  function propagate(current: Suggestion, preview: boolean) {
    const apply = (segmentIds: number[]) => call('propagation.apply', { documentId: document.id, rule: current.rule, segmentIds });
    setSuggestion(null);
    if (preview) bulk.show({ title: `Apply “${current.rule.find}” → “${current.rule.replace}”`, changes: current.matches, apply });
    else bulk.apply(apply, current.matches.map((m) => m.segmentId));
  }

  function exportReport() {
    void bulk.run(async () => {
      await editor.flush();
      const saved = await call('documents.exportReport', { documentId: document.id });
      if (saved) onInfo(`Exported the review report to ${saved.path}`);
    });
  }

  function undoLast() {
    if (!undo) return;
    const batchId = undo.batch.id;
    setUndo(null);
    void bulk.run(async () => {
      const outcome = await call('batches.undo', { batchId });
      editor.applied(outcome.segments);
      checks.refresh();
      review.refresh();
      onInfo(`${outcome.batch.label}: restored ${plural(outcome.segments.length, 'sentence')}.`);
    });
  }

  async function exportText(options: { utf8?: boolean; as?: 'original' | 'csv' | 'tmx' } = {}) {
    setExporting(true);
    try {
      await editor.flush();
      const saved = await call('documents.exportText', { documentId: document.id, ...options });
      if (saved) onInfo(`Exported the clean text to ${saved.path}`);
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

  const togglePanel = (which: Panel) => setPanel(panel === which ? 'none' : which);
  const counted = SEGMENT_STATUSES.filter((s) => s !== 'not_started' && (review.statusCounts[s] ?? 0) > 0);
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
        <span className="status-counts" data-testid="status-counts">
          {counted.map((s) => `${review.statusCounts[s]} ${STATUS_LABELS[s].toLowerCase()}`).join(' · ')}
        </span>
        <SaveIndicator state={saveState} />
        <button
          type="button"
          className="icon-button"
          disabled={!review.undoState.undo}
          title={review.undoState.undo ? `Undo: ${review.undoState.undo.label} (Ctrl+Z)` : 'Nothing to undo'}
          aria-label="Undo"
          onClick={() => undoOrRedo('undo')}
        >
          ↶
        </button>
        <button
          type="button"
          className="icon-button"
          disabled={!review.undoState.redo}
          title={review.undoState.redo ? `Redo: ${review.undoState.redo.label} (Ctrl+Y)` : 'Nothing to redo'}
          aria-label="Redo"
          onClick={() => undoOrRedo('redo')}
        >
          ↷
        </button>
        <select
          className="filter-select"
          aria-label="Show"
          value={filter ?? 'all'}
          onChange={(e) => setFilter(e.target.value === 'all' ? null : (e.target.value as Filter))}
        >
          <option value="all">All sentences</option>
          <option value="any">Flagged</option>
          <option value="edited-any">Edited</option>
          <option value="notes">With notes</option>
          {SEGMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <DiffViewToggle view={view} onChange={setView} />
        <button type="button" aria-pressed={panel === 'flags'} className={panel === 'flags' ? 'toggle-on' : undefined} onClick={() => togglePanel('flags')}>
          Flags{flaggedCount > 0 ? ` (${flaggedCount})` : ''}
        </button>
        <button type="button" aria-pressed={panel === 'metrics'} className={panel === 'metrics' ? 'toggle-on' : undefined} onClick={() => togglePanel('metrics')}>
          Metrics
        </button>
        <button type="button" aria-pressed={panel === 'timeline'} className={panel === 'timeline' ? 'toggle-on' : undefined} onClick={() => togglePanel('timeline')}>
          Changes
        </button>
        <button type="button" onClick={applyMemory} disabled={bulk.busy} title="Apply the corrections Redline has learnt">
          Fix memory…
        </button>
        <button type="button" onClick={exportReport} disabled={bulk.busy} title="A self-contained HTML review report">
          Report…
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'export' })} title="Export in another form or encoding">
          Export as…
        </button>
        <button type="button" className="button-primary" onClick={() => void exportText()} disabled={exporting}>
          {exporting ? 'Exporting…' : 'Export clean text…'}
        </button>
        <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (F1)" onClick={() => setDialog({ kind: 'shortcuts' })}>
          ?
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
          onStatus={onStatus}
          onNote={onNote}
          noteOpenFor={noteOpenFor}
          onToggleNote={(segment) => setNoteOpenFor(noteOpenFor === segment.id ? null : segment.id)}
          positions={positions}
          reveal={reveal}
        />
        {panel === 'flags' && (
          <FlagsPanel
            checks={checks}
            filter={checkFilter}
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
        {panel === 'history' && active && (
          <HistoryPanel
            segment={active}
            refreshKey={editor.savedCount}
            onRestored={(segment) => {
              editor.applied([segment]);
              review.refresh();
            }}
            onError={onError}
            onClose={() => setPanel('none')}
          />
        )}
        {panel === 'timeline' && (
          <TimelinePanel documentId={document.id} refreshKey={editor.savedCount} onJump={goTo} onError={onError} onClose={() => setPanel('none')} />
        )}
        {panel === 'search' && (
          <SearchPanel documentId={document.id} onJump={goTo} onOpenDocument={onOpenDocument} onError={onError} onClose={() => setPanel('none')} />
        )}
      </div>
      {dialog?.kind === 'replace' && <FindReplaceDialog onPreview={replaceAll} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'shortcuts' && <ShortcutsOverlay onClose={() => setDialog(null)} />}
      {dialog?.kind === 'export' && (
        <ExportDialog
          document={document}
          onClose={() => setDialog(null)}
          onExport={(choice) => {
            setDialog(null);
            if (choice.kind === 'report') exportReport();
            else if (choice.kind === 'original') void exportText({ utf8: choice.utf8 });
            else void exportText({ as: choice.kind });
          }}
        />
      )}
      {dialog?.kind === 'reject' && (
        <PromptDialog
          title={`Reject sentence ${dialog.segment.position}`}
          label="Why is it rejected?"
          confirm="Reject"
          multiline
          onClose={() => setDialog(null)}
          onSubmit={(reason) => {
            const { segment } = dialog;
            setDialog(null);
            void review.setStatus(segment, 'rejected', reason).catch(onError);
          }}
        />
      )}
      {dialog?.kind === 'annotate' && (
        <AnnotateDialog
          selection={dialog.selection}
          onClose={() => setDialog(null)}
          onSave={(tag) => {
            const { selection: picked } = dialog;
            setDialog(null);
            void call('annotations.add', { segmentId: picked.segmentId, side: picked.side, start: picked.start, end: picked.end, ...tag }).then(
              (added) => {
                onInfo(`Tagged “${added.quote}” as ${added.category} (${added.severity}).`);
                review.refresh();
                editor.bump();
              },
              onError,
            );
          }}
        />
      )}
      {bulk.preview && (
        <ChangePreviewDialog
          title={bulk.preview.title}
          changes={bulk.preview.changes}
          busy={bulk.busy}
          onClose={bulk.close}
          onApply={(segmentIds) => bulk.preview && bulk.apply(bulk.preview.apply, segmentIds)}
        />
      )}
    </div>
  );
}

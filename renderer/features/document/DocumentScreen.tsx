import { CheckSettingsDialog } from '../checks/CheckSettingsDialog';
import { CHECKS } from '../../../core/checks';
import { actionOf } from '../../../core/model/batch';
import { MQM_LABELS } from '../../../core/mqm/categories';
import type { Notice } from '../../app/NoticeBar';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { CheckId, Flag } from '../../../core/checks/types';
import type { DocumentSummary } from '../../../core/model/document';
import { SEGMENT_STATUSES, type Segment, type SegmentStatus } from '../../../core/model/segment';
import { MenuButton, type MenuEntry } from '../../components/MenuButton';
import { call, DesktopError, messageOf } from '../../lib/desktop';
import { FlagsPanel } from '../checks/FlagsPanel';
import { flagJumps } from '../checks/flagJumps';
import { useDocumentChecks } from '../checks/useDocumentChecks';
import { BulkProgressDialog } from '../fixes/BulkProgressDialog';
import { ChangePreviewDialog } from '../fixes/ChangePreviewDialog';
import { onlyLocked, openCount } from '../fixes/previewChoice';
import { doubtsOf, isDoubted, PropagationBar, type Suggestion } from '../fixes/PropagationBar';
import { stepLabel, stepNotice } from '../fixes/stepLabel';
import { UndoBar } from '../fixes/UndoBar';
import { AnnotateDialog, type Selection } from '../annotations/AnnotateDialog';
import { HistoryPanel } from '../history/HistoryPanel';
import { TimelinePanel } from '../history/TimelinePanel';
import { MetricsPanel } from '../metrics/MetricsPanel';
import { FindReplaceDialog, type ReplaceOptions } from '../search/FindReplaceDialog';
import { SearchPanel } from '../search/SearchPanel';
import { PromptDialog } from '../../components/PromptDialog';
import { Toasts } from '../../components/Toasts';
import { STATUS_LABELS } from '../../components/StatusBadge';
import { ExportDialog } from './ExportDialog';
import { ExportProgressDialog } from './ExportProgressDialog';
import { exportCarriesNotes, exportNotice, originalExport } from './exportNotice';
import { flaggedWordsLabel } from '../checks/flaggedWords';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { useReviewActions } from './useReviewActions';
import { reviewSteps } from './reviewSteps';
import { documentTypingTarget, heldTyping, isCorrectionField } from './heldTyping';
import { useKeptActiveRow } from './keepActiveRow';
import { useRowFilter, type Filter } from './useRowFilter';
import { useNoteDraft } from './useNoteDraft';
import { NoRows } from './NoRows';
import { noRowsMessage } from './noRowsMessage';
import { useBulkChange, type Outcome } from './useBulkChange';
import { plural } from '../../lib/format';
import { useWriteGuard } from './useWriteGuard';
import { useDocumentShortcuts } from './useDocumentShortcuts';
import { pickedSelection } from './selection';
import { CommandPalette } from './CommandPalette';
import { StatusBar } from './StatusBar';
import { keysOf } from './shortcuts';
import { SegmentGrid } from './SegmentGrid';
import { useDocumentEditor } from './useDocumentEditor';
import { useDensity, useDiffView, useGridColumns, useTerOptions } from './viewSettings';
import { FindBar } from './FindBar';
import { useFindInGrid } from './useFindInGrid';
import { bothFilters, useTextFilter } from './useTextFilter';
import { useDocumentAnnotations } from './useDocumentAnnotations';
import type { FindColumn } from '../../../core/model/find';
import { isBilingual } from '../../../core/formats/registry';
import { forgetSentences, returnFocus, returnFocusFromButton } from '../../lib/focusReturn';

/** How long the offer to undo a bulk change stays on screen. */
const UNDO_OFFER_MS = 20_000;

// Why a command cannot run now, as the command palette says it.
const NO_SENTENCE = 'no sentence is selected';
const EXPORTING = 'an export is running';
const NO_OFFER = 'no fix is offered now';

interface DocumentScreenProps {
  document: DocumentSummary;
  onBack: () => void;
  onNotice: (notice: Notice) => void;
  /** Opens another document (a search hit there), at a sentence. */
  onOpenDocument: (documentId: number, position: number) => void;
  /** A sentence to show first (when opened from a search hit). */
  startAt?: number;
}

type Panel = 'none' | 'flags' | 'metrics' | 'history' | 'timeline' | 'search';
/** The review of one document: every MT sentence beside its correction, saved as the editor types. */
export function DocumentScreen({ document, onBack, onNotice, onOpenDocument, startAt }: DocumentScreenProps) {
  const onError = useCallback((error: unknown) => onNotice({ kind: 'error', message: messageOf(error) }), [onNotice]);
  // The whole title in the window's title bar: the toolbar has room for its start only in a narrow window.
  useEffect(() => {
    const before = window.document.title;
    window.document.title = `${document.title} — Redline`;
    return () => {
      window.document.title = before;
    };
  }, [document.title]);
  // The sentences the keyboard could go back to are this document's: forgotten as it goes.
  useEffect(() => forgetSentences, [document.id]);
  const onInfo = useCallback((message: string) => onNotice({ kind: 'info', message }), [onNotice]);
  const editor = useDocumentEditor(document.id, document.editedCount);
  // The sentence whose typing is not yet stored (the step Undo names), not the whole save state: the screen draws
  // again when that typing starts and ends, not as its save goes out (the status bar hears that itself).
  const typingAt = useSyncExternalStore(editor.queue.subscribe, () => {
    const { status } = editor.queue.getState();
    return status === 'unsaved' || status === 'saving' ? (editor.unsavedStep()?.position ?? null) : null;
  });
  const checks = useDocumentChecks(document.id, editor.savedCount);
  /** The export running in main's worker (its bar shows once main says how far it is), and whether it is being cancelled. */
  const [exporting, setExporting] = useState<{ what: string; cancelling: boolean } | null>(null);
  const [view, setView] = useDiffView();
  const [terOptions, setTerOptions] = useTerOptions();
  const [density, setDensity] = useDensity();
  const [columns, setColumns] = useGridColumns();
  // A document has a source text when its sentences carry one (all of them do, or none).
  const hasSource = (editor.pages.at(0)?.sourceText ?? null) !== null;
  const [panel, setPanel] = useState<Panel>('none');
  // Notes are saved apart from the text: the "With notes" filter is asked again after either.
  const [notesSaved, setNotesSaved] = useState(0);
  const { filter, setFilter, positions: pickedPositions, checkFilter, settled: rowFilterSettled } = useRowFilter(
    document.id,
    editor.savedCount + notesSaved,
    checks.version,
    onError,
  );
  // The text/regex filter narrows whatever the status/flag filter shows.
  const textFilter = useTextFilter(document.id, editor.onLanded, onError);
  // The sentence being edited stays listed until the editor leaves it, whatever its edits do to the filter.
  const filtered = useMemo(() => bothFilters(pickedPositions, textFilter.positions), [pickedPositions, textFilter.positions]);
  const positions = useKeptActiveRow(filtered, editor.activeSegment?.position ?? null, `${filter}\u0000${textFilter.shownFor}`);
  // A flag filter answers no row while the document's first check runs: that is not yet "no sentence has a flag".
  const noRows = positions !== null && positions.length === 0 && rowFilterSettled && textFilter.settled && !(checkFilter !== null && checks.pending !== null);
  const [dialog, setDialog] = useState<
    | { kind: 'replace'; initial?: Partial<ReplaceOptions> }
    | { kind: 'reject'; segment: Segment }
    | { kind: 'annotate'; selection: Selection }
    | { kind: 'shortcuts' }
    | { kind: 'checkSettings' }
    | { kind: 'palette' }
    | { kind: 'export' }
    | null
  >(null);
  const [noteOpenFor, setNoteOpenFor] = useState<number | null>(null);
  const review = useReviewActions(document.id, editor, onError);
  // Opened at a sentence (a search hit in another document): it is shown first, the keyboard in it.
  const [reveal, setReveal] = useState<{ position: number; nonce: number; focus?: boolean } | null>(() =>
    startAt ? { position: startAt, nonce: 0, focus: true } : null,
  );
  // The offer after leaving an edited sentence, with that sentence (the whole list leaves it out).
  const [suggestion, setSuggestion] = useState<(Suggestion & { segmentId: number; before: string; text: string }) | null>(null);
  // The offer stands for the correction as it was left: reverted, undone or changed again, it goes.
  useEffect(
    () =>
      editor.onLanded((segments) =>
        setSuggestion((offer) => (offer && segments.some((s) => s.id === offer.segmentId && s.currentText !== offer.text) ? null : offer)),
      ),
    [editor],
  );
  const [undo, setUndo] = useState<(Outcome & { changed: number }) | null>(null);
  const active = editor.activeSegment;
  // Asked again when one is tagged or removed, and when a correction holding one lands (its write moved the tags
  // with their words), not on every save: the grid draws a mark only while its words are where it says.
  const [annotationsKey, setAnnotationsKey] = useState(0);
  const annotations = useDocumentAnnotations(document.id, annotationsKey, onError);
  useEffect(
    () =>
      editor.onLanded((segments) => {
        if (segments.some((s) => annotations.get(s.id)?.some((a) => a.side === 'target'))) setAnnotationsKey((n) => n + 1);
      }),
    [editor, annotations],
  );
  const findColumns: FindColumn[] = [
    ...(hasSource && columns.showSource && view === 'side-by-side' ? (['source'] as const) : []),
    ...(columns.showMt || view === 'inline' ? (['mt'] as const) : []),
    'target',
  ];
  const find = useFindInGrid(
    document.id,
    findColumns,
    positions,
    editor.onLanded,
    editor.flush,
    onError,
    () => active?.position ?? 1,
    useCallback((position: number) => setReveal({ position, nonce: Date.now() }), []),
  );
  const [findFocus, setFindFocus] = useState(0);
  const openFind = () => {
    find.setOpen(true);
    setFindFocus((n) => n + 1);
  };
  const findStep = (direction: 1 | -1) => {
    if (!find.open || find.query.text === '') openFind();
    else find.step(direction);
  };
  /** Replace over an open find bar goes on from its query: the same words, found the same way (case, regex). */
  const openReplace = () => {
    const { text, regex, caseSensitive } = find.query;
    const initial = find.open ? { find: text, regex, caseSensitive } : undefined;
    void editor.flush().then(() => setDialog({ kind: 'replace', initial }));
  };

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
  /** A bulk write failed part way: the rows (in the guard), flags and counts are read again. */
  const refreshAfterWrite = useCallback(() => {
    checks.refresh();
    review.refresh();
  }, [checks, review]);
  const guard = useWriteGuard(document.id, editor, refreshAfterWrite);
  const bulk = useBulkChange(editor.flush, landed, guard, onInfo, onError);

  /** Brings a sentence into view and puts the caret in its correction (once its row is rendered). */
  const goTo = useCallback((position: number) => setReveal({ position, nonce: Date.now(), focus: true }), []);
  /**
   * A jump from a side panel (a change, a search hit): to a sentence the filters hide, nothing would move, so a
   * notice says so and offers to show every sentence and go there.
   */
  const jumpTo = (position: number) => {
    setFlagsHeldAt(null);
    // While a filter's rows are still being asked for, the jump is not judged on the rows of the one before.
    const settled = rowFilterSettled && textFilter.settled;
    if (positions === null || !settled || positions.includes(position)) return goTo(position);
    onNotice({ kind: 'info', message: `Sentence ${position} is hidden by the filter.`, action: { label: 'Show all and go there', run: () => showAll(position) } });
  };
  /** Every sentence shown again (no status, flag or text filter), the caret in `position`'s. */
  const showAll = (position: number | undefined) => {
    setFilter(null);
    textFilter.setText('');
    if (position !== undefined) goTo(position);
  };
  // Opened, the caret waits in the first sentence still to review (not confirmed or approved; the first, once all
  // are), so the editor can type at once: unless the screen was opened at a sentence, or they went somewhere first.
  // That sentence's flags are listed only once the editor acts on it (a key or a click in the grid's rows, F8, a
  // jump, the caret gone elsewhere): listed at once, they would push the rows below down before the editor has
  // read one.
  const [held, setHeld] = useState<{ at: number; reached: boolean } | null>(null);
  const activePosition = active?.position ?? 0;
  if (held && !held.reached && activePosition === held.at) setHeld({ at: held.at, reached: true });
  else if (held?.reached && activePosition !== held.at) setHeld(null);
  const flagsHeldAt = held?.at ?? null;
  const setFlagsHeldAt = useCallback((at: number | null) => setHeld(at === null ? null : { at, reached: false }), []);
  useEffect(() => {
    if (startAt) return;
    let live = true;
    review.nextUnconfirmed(0).then(
      (next) => {
        if (!live || (window.document.activeElement !== window.document.body && window.document.activeElement !== null)) return;
        setFlagsHeldAt(next ?? 1);
        goTo(next ?? 1);
      },
      () => undefined, // the sentence 1 the screen shows is there to click all the same
    );
    return () => {
      live = false;
    };
    // Once, as the screen opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (flagsHeldAt === null) return;
    // A key or a click in the grid's rows (in that sentence, or on the way to another); a menu or a panel used
    // meanwhile is not acting in them.
    const act = (event: Event) => {
      if (event.target instanceof Element && event.target.closest('[data-testid="segment-row"]')) setFlagsHeldAt(null);
    };
    window.addEventListener('keydown', act, true);
    window.addEventListener('pointerdown', act, true);
    return () => {
      window.removeEventListener('keydown', act, true);
      window.removeEventListener('pointerdown', act, true);
    };
  }, [flagsHeldAt, setFlagsHeldAt]);

  /** F8 / Shift+F8: the next (or previous) flagged sentence as stored, wrapping around the document. */
  const [jumps] = useState(flagJumps);
  useEffect(() => jumps.moved(activePosition), [jumps, activePosition]);
  const revealNext = useCallback(
    (direction: 1 | -1) => {
      const way = direction === 1 ? 'next' : 'previous';
      const nearest = (position: number) => call('checks.nearest', { documentId: document.id, position, direction: way });
      const find = async (from: number) => (await nearest(from)) ?? (await nearest(direction === 1 ? 0 : document.segmentCount + 1));
      // Under a filter, the flagged sentences it shows: one it hides is no place to land (F8 would seem dead).
      // A flag filter shows only flagged sentences: its rows are the answer, with nothing to ask.
      const findShown = async (from: number) => {
        const shown = new Set(positions);
        const flagged = checkFilter !== null ? (positions ?? []) : (await call('checks.positions', { documentId: document.id })).filter((p) => shown.has(p));
        const ahead = direction === 1 ? flagged.find((p) => p > from) : flagged.findLast((p) => p < from);
        return ahead ?? (direction === 1 ? flagged[0] : flagged.at(-1)) ?? null;
      };
      jumps
        .next(activePosition, positions ? findShown : find)
        .then((found) => {
          if (found !== null) {
            setFlagsHeldAt(null); // asked for its flags: listed
            goTo(found);
          }
          // Said, not silent: before the first whole check has stored them, there are no flags to go to yet.
          else if (checks.pending || checks.version === 0) onInfo('The document is still being checked: F8 goes to its flags once that is done.');
          else onInfo(`No sentence${positions ? ' shown' : ''} has a flag.`);
        })
        .catch(onError);
    },
    [jumps, activePosition, document.id, document.segmentCount, goTo, onError, onInfo, positions, checkFilter, checks.pending, checks.version, setFlagsHeldAt],
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

  /**
   * Confirm (or approve) and go to the next unconfirmed sentence. Presses quicker than the caret follows wait
   * their turn (reviewSteps), and each acts on the sentence the caret is on when its turn comes.
   */
  const [steps] = useState(reviewSteps);
  useEffect(() => steps.moved(activePosition), [steps, activePosition]);
  // Typed while the caret is on its way to the next sentence: held, and typed where it stops (heldTyping.ts).
  // Its keystrokes count on the sentence it is typed into, not on the one just confirmed.
  const [onTheWay] = useState(() =>
    heldTyping(documentTypingTarget(), isCorrectionField, undefined, (keys) => {
      const into = editor.activeSegment; // the screen's one editor, for as long as it is open
      if (into) for (let k = 0; k < keys; k++) editor.activity(into, true);
    }),
  );
  useEffect(() => () => onTheWay.cancel(), [onTheWay]);
  const onActivity = useCallback(
    (segment: Segment, keystroke: boolean) => {
      if (keystroke && onTheWay.keystroke()) return;
      editor.activity(segment, keystroke);
    },
    [editor, onTheWay],
  );
  const markAndNext = (status: 'confirmed' | 'approved') => {
    onTheWay.hold();
    return steps
      .run(async () => {
        const current = editor.activeSegment;
        if (!current) return null;
        await review.setStatus(current, status);
        // Within the filter when one is on: a row it hides would never take the caret. A filter of confirmed or
        // approved sentences shows none still to review, whatever its length.
        const reviewed = filter === 'confirmed' || filter === 'approved';
        const next = reviewed ? null : await review.nextUnconfirmed(current.position, positions);
        if (next === null) onInfo(`Every sentence${positions ? ' shown' : ''} is confirmed or approved.`);
        if (next === null || next === current.position) return null;
        // Past the last one still to review, the search goes round: said, so the jump back is not a surprise.
        if (next < current.position) onInfo(`Back to sentence ${next}: none${positions ? ' shown' : ''} after ${current.position} is still to review.`);
        goTo(next);
        return next;
      })
      .finally(onTheWay.release);
  };
  const confirmAndNext = () => markAndNext('confirmed');
  const approveAndNext = () => markAndNext('approved');

  const nextUnconfirmed = async () => {
    const next = await review.nextUnconfirmed(active?.position ?? 0, positions);
    if (next !== null) goTo(next);
    else onInfo(`Every sentence${positions ? ' shown' : ''} is confirmed or approved.`);
  };

  const annotate = () => {
    const picked = pickedSelection(active, (position) => editor.pages.at(position - 1));
    if (picked) void editor.flush().then(() => setDialog({ kind: 'annotate', selection: picked }));
    else onInfo('Select the words the error is in first.');
  };

  const dismissUndo = useCallback(() => setUndo(null), []);
  // An undo offer is a moment's: it goes after a while, or when the next one comes.
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(dismissUndo, UNDO_OFFER_MS);
    return () => clearTimeout(timer);
  }, [undo, dismissUndo]);

  const undoOrRedo = (direction: 'undo' | 'redo') => {
    // What has the keyboard as the step is asked (a toolbar button, a menu's item, a field): see returnFocusFromButton.
    const pressed = window.document.activeElement;
    // However the document's undo is asked, typing the editor's field undid waits for its redo (as after Ctrl+Z).
    if (direction === 'undo' && active) editor.handOverTyping(active);
    void review.step(direction).then((outcome) => {
      setUndo(null); // the offer to undo the last action no longer says what the document is
      onInfo(stepNotice(outcome.batch.label, outcome.segments.length));
      // The editor sees what was undone: unless it touched the sentence they are in, the caret goes to the first
      // sentence it changed.
      const changed = outcome.segments.map((segment) => segment.position).sort((a, b) => a - b);
      if (changed.length > 0 && !changed.includes(active?.position ?? 0)) goTo(changed[0]!);
      else returnFocusFromButton(pressed); // pressed on the toolbar or the Edit menu, the button would keep the keyboard
    }, (error: unknown) => {
      if (!(error instanceof DesktopError && error.code === 'nothing_to_do')) return onError(error);
      // The document had no step to redo: a field's undone typing kept waiting is what Redo brings back.
      if (direction === 'redo' && editor.waitingRedoOf()) return redoWaitingTyping(pressed);
      onInfo(messageOf(error));
      returnFocusFromButton(pressed); // the button pressed keeps the keyboard, or drops it once disabled
    });
  };

  const redoWaitingTyping = (pressed: Element | null) => {
    const segment = editor.redoWaiting();
    if (segment) onInfo(`Redo: typing in sentence ${segment.position}`);
    if (segment && segment.position !== active?.position) goTo(segment.position);
    else returnFocusFromButton(pressed); // pressed on the toolbar or the Edit menu, the button would keep the keyboard
  };
  // With nothing left to redo in the document, typing a field's redo kept waiting meanwhile is what Redo brings back.
  const waitingTyping = useSyncExternalStore(editor.subscribeWaitingRedo, editor.waitingRedoOf);
  // The store says whether the document has a step to redo, not the counts shown: an undo asked just before may
  // not have answered yet (Ctrl+Z, Ctrl+Y in a breath), and its step comes before the field's waiting typing.
  const redo = () => undoOrRedo('redo');

  const move = (direction: 1 | -1) => {
    const target = neighbour(direction) ?? (active ? null : 1);
    if (target !== null) goTo(target);
  };


  const onFix = useCallback(
    (segment: Segment, flag: Flag) =>
      void call('fixes.applyOne', { segmentId: segment.id, check: flag.check, start: flag.start, end: flag.end }).then((fixed) => {
        landed(fixed);
        returnFocus(); // the button pressed went with its flag
      }, onError),
    [landed, onError],
  );

  const onIgnore = useCallback(
    (segment: Segment, flag: Flag, words: string) => {
      const ignore = (ignored: boolean) => call('checks.ignore', { segmentId: segment.id, check: flag.check, words, ignored });
      void ignore(true).then(() => {
        checks.refresh();
        returnFocus();
        const title = CHECKS.find((c) => c.id === flag.check)?.title ?? flag.check;
        const what = flag.start === flag.end ? title : `${title}: ${flaggedWordsLabel(words)}`;
        // Nothing else takes it back (it is no change to the text, so not in the undo history): the toast does.
        onNotice({
          kind: 'info',
          message: `${what} no longer flagged in sentence ${segment.position}.`,
          action: {
            label: 'Undo',
            run: () =>
              void ignore(false).then(() => {
                checks.refresh();
                goTo(segment.position); // the flag is back: on the sentence it is in, shown
              }, onError),
          },
        });
      }, onError);
    },
    [checks, goTo, onError, onNotice],
  );

  const onShowIgnored = useCallback(
    (segment: Segment) =>
      void call('checks.showIgnored', { segmentId: segment.id }).then((shown) => {
        checks.refresh();
        returnFocus();
        onInfo(`${shown === 1 ? 'The ignored flag is' : 'The ignored flags are'} shown again in sentence ${segment.position}.`);
      }, onError),
    [checks, onError, onInfo],
  );

  const onAddWord = useCallback(
    (word: string) =>
      void call('checks.addWord', { word }).then(() => {
        checks.refresh();
        returnFocus();
        onInfo(`“${word}” added to the dictionary.`);
      }, onError),
    [checks, onError, onInfo],
  );

  const onLeave = useCallback(
    (segment: Segment) => {
      const change = editor.leave(segment);
      if (!change) return;
      void (async () => {
        await editor.flush();
        const found = await call('propagation.suggest', { segmentId: segment.id, ...change });
        // Changed again (saved, reverted, undone) while the offer was looked for: it would be stale already.
        const now = editor.pages.at(segment.position - 1);
        if (now && now.currentText !== change.after) return;
        setSuggestion(found[0] ? { ...found[0], segmentId: segment.id, before: change.before, text: change.after } : null);
      })().catch(onError);
    },
    [editor, onError],
  );

  // An offer made while the dictionary was being built is asked again as the document's checks move on (they are
  // asked for until it is built): a typo in it is named late rather than never. Gone from the answer (the other
  // sentences changed meanwhile), the offer goes.
  const offerToRecheck = suggestion?.spellingPending ? suggestion : null;
  const recheckedFor = useRef<object | null>(null);
  useEffect(() => {
    if (!offerToRecheck) return;
    // Just made, it was just asked: asked again once the checks have moved on.
    if (recheckedFor.current !== offerToRecheck) {
      recheckedFor.current = offerToRecheck;
      return;
    }
    let current = true;
    const { segmentId, before, text, rule } = offerToRecheck;
    call('propagation.suggest', { segmentId, before, after: text }).then((found) => {
      if (!current) return;
      const same = found.find(
        (offer) =>
          offer.rule.find === rule.find &&
          offer.rule.replace === rule.replace &&
          offer.rule.wholeWord === rule.wholeWord &&
          offer.rule.caseSensitive === rule.caseSensitive,
      );
      // Still being built: the offer stays as it is (a new one would ask again at once), until the next answer.
      if (same?.spellingPending) return;
      setSuggestion((offer) => (offer !== offerToRecheck ? offer : same ? { ...offer, ...same } : null));
    }, onError);
    return () => {
      current = false;
    };
  }, [offerToRecheck, checks.version, onError]);

  const onStatus = useCallback(
    (segment: Segment, status: SegmentStatus) => {
      if (status === 'rejected') setDialog({ kind: 'reject', segment });
      else void review.setStatus(segment, status).catch(onError);
    },
    [review, onError],
  );

  const saveNote = useCallback(
    async (segment: Segment, note: string) => {
      setNoteOpenFor(null);
      if (note.trim() === (segment.note ?? '')) return;
      await call('segments.note', { segmentId: segment.id, text: note }).then(
        (saved) => {
          editor.pages.replace({ ...segment, note: saved || null });
          setNotesSaved((n) => n + 1);
        },
        onError,
      );
    },
    [editor, onError],
  );
  const noteDraft = useNoteDraft(saveNote);
  const onNote = useCallback((segment: Segment, note: string) => void noteDraft.flush({ segment, text: note }), [noteDraft]);
  /** Opens the active sentence's note; pressed again in it, saves and closes it, the keyboard back in the sentence. */
  const toggleNote = () => {
    if (!active) return;
    if (noteOpenFor !== active.id) return setNoteOpenFor(active.id);
    void noteDraft.flush().then(() => {
      setNoteOpenFor(null);
      returnFocus();
    });
  };

  const rowCommands = useMemo(
    () => ({
      onStatus,
      onToggleNote: (segment: Segment) => setNoteOpenFor((open) => (open === segment.id ? null : segment.id)),
      onRevert: (segment: Segment) => void editor.revert(segment).catch(onError),
      onHistory: (segment: Segment) => {
        editor.activity(segment, false);
        setPanel('history');
      },
    }),
    [onStatus, editor, onError],
  );

  /**
   * The replace dialog's preview: the dialog stays open, with what it typed, while the changes are looked for, and
   * says in place why there are none (a pattern that does not occur or cannot be read); found, the preview opens.
   */
  async function replaceAll(options: ReplaceOptions): Promise<string | null> {
    // The same words in both fields change nothing, whether they occur or not: said at once, without a look through
    // the document. (Matches that already read as their replacement otherwise are the preview's to tell.)
    if (!options.regex && options.find === options.replace) return 'Find and Replace are the same: nothing would change.';
    try {
      await editor.flush();
      const changes = await call('replace.preview', { documentId: document.id, ...options });
      if (changes.length === 0) return `“${options.find}” does not occur in this document.`;
      const open = openCount(changes);
      if (open === 0) return onlyLocked(changes);
      setDialog(null);
      bulk.show({
        title: `Replace “${options.find}” → “${options.replace}”: ${plural(open, 'sentence')}`,
        changes,
        apply: (segmentIds) => call('replace.apply', { documentId: document.id, ...options, segmentIds }),
      });
      return null;
    } catch (error) {
      return messageOf(error);
    }
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

  function propagate(current: Suggestion, segmentId: number, preview: boolean) {
    const apply = (segmentIds: number[]) => call('propagation.apply', { documentId: document.id, rule: current.rule, segmentIds });
    const title = `Apply “${current.rule.find}” → “${current.rule.replace}”`;
    const warning = doubtsOf(current);
    setSuggestion(null);
    returnFocus(); // the offer's button goes with it
    if (!current.more) {
      if (preview) bulk.show({ title, changes: current.matches, apply, warning });
      else bulk.apply(apply, current.matches.map((m) => m.segmentId));
      return;
    }
    // The offer held the first sentences only: the whole list is read now, on the editor's request.
    const load = () => call('propagation.preview', { segmentId, rule: current.rule });
    if (preview) bulk.start({ load, title: (count) => `${title}: ${plural(count, 'sentence')}`, nothing: 'No other sentence has it any more.', apply, warning });
    else
      void load().then((changes) => {
        if (changes.length === 0) onInfo('No other sentence has it any more.');
        else bulk.apply(apply, changes.map((m) => m.segmentId));
      }, onError);
  }

  /** The HTML report; `changedOnly` unset leaves the choice to the report (changed only for long documents). */
  function exportReport(changedOnly?: boolean) {
    void runExport('the review report', () => call('documents.exportReport', { documentId: document.id, changedOnly }), (path) => `Exported the review report to ${path}.`);
  }

  function undoLast() {
    if (!undo) return;
    const batchId = undo.batch.id;
    setUndo(null);
    returnFocus();
    void bulk.write(async () => {
      const outcome = await call('batches.undo', { batchId });
      editor.applied(outcome.segments);
      checks.refresh();
      review.refresh();
      onInfo(stepNotice(outcome.batch.label, outcome.segments.length));
    });
  }

  async function exportText(options: { utf8?: boolean; as?: 'original' | 'csv' | 'tmx' } = {}) {
    const bilingual = isBilingual(document.format);
    const what = options.as === 'csv' ? 'the CSV table' : options.as === 'tmx' ? 'the TMX memory' : originalExport(document.format).what;
    // An export with no place for the notes says so rather than losing them unseen: a note still being typed counts.
    await noteDraft.flush();
    const leftOut = exportCarriesNotes(document, options.as) ? 0 : (await call('segments.positions', { documentId: document.id, withNotes: true })).length;
    const statusesLeftOut =
      bilingual && (options.as ?? 'original') === 'original' ? (await call('segments.positions', { documentId: document.id, lockedReviewed: true })).length : 0;
    await runExport(what, () => call('documents.exportText', { documentId: document.id, ...options }), (path) => exportNotice(what, path, leftOut, statusesLeftOut));
  }

  // Exports written: the Changes panel's "changed since the last export" is asked again after each.
  const [exportsDone, setExportsDone] = useState(0);
  /**
   * One export at a time: main makes the file in a worker thread, so the window keeps answering; the progress
   * dialog polls it and may cancel it (nothing is written then).
   */
  async function runExport(what: string, start: () => Promise<{ path: string } | null>, saidAs: (path: string) => string) {
    if (exporting) return;
    setExporting({ what, cancelling: false });
    try {
      await noteDraft.flush();
      await editor.flush();
      const saved = await start();
      if (saved) {
        onInfo(saidAs(saved.path));
        // "Changed since the last export" counts from this one now.
        setExportsDone((n) => n + 1);
      }
    } catch (error) {
      if (error instanceof DesktopError && error.code === 'cancelled') onInfo(messageOf(error));
      else onError(error);
    } finally {
      setExporting(null);
    }
  }

  function cancelExport() {
    setExporting((current) => current && { ...current, cancelling: true });
    void call('documents.cancelExport', { documentId: document.id }).catch(onError);
  }

  async function back() {
    await noteDraft.flush();
    await editor.flush();
    onBack();
  }

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
      // Undo and redo always ask the store: typing not yet saved is saved first and is then the step undone, and an
      // undo asked just before may not have answered yet; with nothing to do, a notice says so.
      redo,
      search: () => setPanel('search'),
      find: openFind,
      findNext: () => findStep(1),
      findPrevious: () => findStep(-1),
      replace: openReplace,
      history: () => active && setPanel('history'),
      note: toggleNote,
      annotate,
      approve: () => void approveAndNext().catch(onError),
      reject: () => active && onStatus(active, 'rejected'),
      setEdited: () => active && onStatus(active, 'edited'),
      setNotStarted: () => active && onStatus(active, 'not_started'),
      nextUnconfirmed: () => void nextUnconfirmed().catch(onError),
      palette: () => setDialog({ kind: 'palette' }),
      exportText: () => void exportText(),
      exportAs: () => setDialog({ kind: 'export' }),
      report: () => exportReport(),
      library: () => void back(),
      help: () => setDialog({ kind: 'shortcuts' }),
      // Only while a fix is offered: otherwise these keys do what they did.
      ...(suggestion && {
        applyOffer: () => propagate(suggestion, suggestion.segmentId, isDoubted(suggestion)),
        reviewOffer: () => propagate(suggestion, suggestion.segmentId, true),
        dismissOffer: () => setSuggestion(null),
      }),
    },
    // A dialog (or the change preview) handles its own keys: none of these reach past it.
    dialog === null && !bulk.preview,
  );

  // A bulk change reads the whole document, not the rows a filter shows: its preview says how many it would change unseen.
  // (The rows shown: the sentence in hand stays so, filtered or not. Locked sentences change in no case.)
  const hiddenInPreview = useMemo(() => {
    if (!bulk.preview || positions === null) return 0;
    const shown = new Set(positions);
    return bulk.preview.changes.filter((change) => change.locked === undefined && !shown.has(change.position)).length;
  }, [bulk.preview, positions]);

  const togglePanel = (which: Panel) => setPanel(panel === which ? 'none' : which);
  const flaggedCount = checks.flagged;
  const { counts } = review;
  // Typing not yet stored is saved first by an undo, which then takes it back: that is what Undo names meanwhile.
  const undoLabel = typingAt !== null ? `Undo: Edit sentence ${typingAt}` : counts.undo ? `Undo: ${stepLabel(actionOf(counts.undo.label))}` : null;
  const redoLabel = counts.redo ? `Redo: ${stepLabel(actionOf(counts.redo.label))}` : waitingTyping ? `Redo: typing in sentence ${waitingTyping.position}` : null;
  const status = (next: SegmentStatus) => () => active && onStatus(active, next);
  // What Ctrl+E writes, named for the document's format (a Trados file is not exported as clean text).
  const exportCommand = originalExport(document.format).command;

  /** Every command of the screen, once: the toolbar's menus, the command palette and F1 list these. */
  const keys = (id: Parameters<typeof keysOf>[0]) => keysOf(id);
  const commands: MenuEntry[] = [
    { group: 'File', label: 'Back to the library', keys: keys('library'), run: () => void back() },
    { group: 'File', label: exportCommand, keys: keys('exportText'), run: () => void exportText(), disabled: exporting !== null, whyDisabled: EXPORTING },
    { group: 'File', label: 'Export as…', keys: keys('exportAs'), run: () => setDialog({ kind: 'export' }) },
    { group: 'File', label: 'Review report…', keys: keys('report'), run: () => exportReport(), disabled: exporting !== null, whyDisabled: EXPORTING },
    { group: 'File', label: 'Review report: changed sentences only…', run: () => exportReport(true), disabled: exporting !== null, whyDisabled: EXPORTING },
    { group: 'File', label: 'Review report: every sentence…', run: () => exportReport(false), disabled: exporting !== null, whyDisabled: EXPORTING },
    { group: 'Edit', label: undoLabel ?? 'Undo', keys: keys('undo'), run: () => undoOrRedo('undo'), disabled: !undoLabel, whyDisabled: 'nothing to undo now' },
    { group: 'Edit', label: redoLabel ?? 'Redo', keys: keys('redo'), run: redo, disabled: !redoLabel, whyDisabled: 'nothing to redo now' },
    { group: 'Edit', label: 'Find and replace…', keys: keys('replace'), run: openReplace },
    { group: 'Edit', label: 'Find in the document…', keys: keys('find'), run: openFind },
    { group: 'Edit', label: 'Find next', keys: 'F3', run: () => findStep(1) },
    { group: 'Edit', label: 'Find previous', keys: 'Shift+F3', run: () => findStep(-1) },
    { group: 'Edit', label: 'Search all documents', keys: keys('search'), run: () => setPanel('search') },
    { group: 'Edit', label: 'Apply the fix memory…', run: applyMemory, disabled: bulk.busy, whyDisabled: 'a change is still being applied' },
    {
      group: 'Edit',
      label: 'Revert the sentence to the MT',
      keys: keys('revert'),
      run: () => active && void editor.revert(active).catch(onError),
      // As the row's menu: a sentence that reads as its MT (nothing typed in it either) has nothing to revert.
      disabled: !active || (active.currentText === active.mtText && typingAt !== active.position),
      whyDisabled: active ? 'the sentence already reads as its MT' : NO_SENTENCE,
    },
    { group: 'Edit', label: 'Copy the MT into the correction', keys: keys('copyMt'), run: () => active && editor.change(active, active.mtText), disabled: !active, whyDisabled: NO_SENTENCE },
    { group: 'View', label: 'Side by side', checked: view === 'side-by-side', run: () => setView('side-by-side') },
    { group: 'View', label: 'Inline', checked: view === 'inline', run: () => setView('inline') },
    { group: 'View', label: 'Compact rows', checked: density === 'compact', run: () => setDensity('compact') },
    { group: 'View', label: 'Comfortable rows', checked: density === 'comfortable', run: () => setDensity('comfortable') },
    { group: 'View', label: 'Source column', checked: hasSource && columns.showSource, disabled: !hasSource, whyDisabled: 'the document has no source text', run: () => setColumns({ ...columns, showSource: !columns.showSource }) },
    { group: 'View', label: 'MT column', checked: columns.showMt, run: () => setColumns({ ...columns, showMt: !columns.showMt }) },
    { group: 'View', label: 'Flags panel', checked: panel === 'flags', run: () => togglePanel('flags') },
    { group: 'View', label: 'Metrics panel', checked: panel === 'metrics', run: () => togglePanel('metrics') },
    { group: 'View', label: 'Changes panel', checked: panel === 'timeline', run: () => togglePanel('timeline') },
    { group: 'View', label: 'History of the sentence', keys: keys('history'), run: () => active && setPanel('history'), disabled: !active, whyDisabled: NO_SENTENCE },
    { group: 'Review', label: 'Confirm and go to the next unconfirmed', keys: keys('confirm'), run: () => void confirmAndNext().catch(onError), disabled: !active, whyDisabled: NO_SENTENCE },
    { group: 'Review', label: 'Approve and go to the next unconfirmed', keys: keys('approve'), run: () => void approveAndNext().catch(onError), disabled: !active, whyDisabled: NO_SENTENCE },
    { group: 'Review', label: 'Reject…', keys: keys('reject'), run: status('rejected'), disabled: !active, whyDisabled: NO_SENTENCE },
    { group: 'Review', label: 'Set status: edited', keys: keys('setEdited'), run: status('edited'), disabled: !active, whyDisabled: NO_SENTENCE },
    { group: 'Review', label: 'Set status: not started', keys: keys('setNotStarted'), run: status('not_started'), disabled: !active, whyDisabled: NO_SENTENCE },
    { group: 'Review', label: 'Next unconfirmed sentence', keys: keys('nextUnconfirmed'), run: () => void nextUnconfirmed() },
    { group: 'Review', label: 'Next sentence', keys: keys('next'), run: () => move(1) },
    { group: 'Review', label: 'Previous sentence', keys: keys('previous'), run: () => move(-1) },
    { group: 'Review', label: 'Next flagged sentence', keys: keys('nextFlagged'), run: () => revealNext(1) },
    { group: 'Review', label: 'Previous flagged sentence', keys: keys('previousFlagged'), run: () => revealNext(-1) },
    { group: 'Review', label: 'Note on the sentence', keys: keys('note'), run: toggleNote, disabled: !active, whyDisabled: NO_SENTENCE },
    { group: 'Review', label: 'Tag the selected words with an MQM error', keys: keys('annotate'), run: annotate },
    // As Alt+Enter does: an offer the speller doubts is reviewed, never spread unseen.
    {
      group: 'Review',
      label: suggestion && isDoubted(suggestion) ? 'Apply the offered fix to the other sentences (doubted: review first)…' : 'Apply the offered fix to the other sentences',
      keys: keys('applyOffer'),
      run: () => suggestion && propagate(suggestion, suggestion.segmentId, isDoubted(suggestion)),
      disabled: !suggestion,
      whyDisabled: NO_OFFER,
    },
    { group: 'Review', label: 'Review the offered fix…', keys: keys('reviewOffer'), run: () => suggestion && propagate(suggestion, suggestion.segmentId, true), disabled: !suggestion, whyDisabled: NO_OFFER },
    { group: 'Review', label: 'Dismiss the offered fix', keys: keys('dismissOffer'), run: () => setSuggestion(null), disabled: !suggestion, whyDisabled: NO_OFFER },
    { group: 'Review', label: 'Check settings: which checks, how severe, the dictionary words…', run: () => setDialog({ kind: 'checkSettings' }) },
    { group: 'Help', label: 'Keyboard shortcuts', keys: keys('help'), run: () => setDialog({ kind: 'shortcuts' }) },
    { group: 'Help', label: 'Command palette', keys: keys('palette'), run: () => setDialog({ kind: 'palette' }) },
  ];
  const grouped = (group: string) => commands.filter((c) => c.group === group).map((c) => ({ ...c, group: undefined }));

  return (
    <div className="screen document-screen">
      <header className="toolbar document-toolbar" data-testid="document-toolbar">
        {/* An arrow only: the document's title needs the width more than the word does (it is the button's name). */}
        <button type="button" className="button-quiet" onClick={() => void back()} aria-label="Library" title="Back to the library (Ctrl+Shift+L)">
          ←
        </button>
        <h1 className="toolbar-title" title={document.title === document.fileName ? document.title : `${document.title} (${document.fileName})`}>
          {document.title}
        </h1>
        <MenuButton label="File" entries={grouped('File')}>File</MenuButton>
        <MenuButton label="Edit" entries={grouped('Edit')}>Edit</MenuButton>
        <MenuButton label="View" entries={grouped('View')}>View</MenuButton>
        <MenuButton label="Review" entries={grouped('Review')}>Review</MenuButton>
        <span className="toolbar-gap" />
        <button type="button" className="icon-button" disabled={!undoLabel} title={undoLabel ? `${undoLabel} (Ctrl+Shift+Z)` : 'Nothing to undo'} aria-label="Undo" onClick={() => undoOrRedo('undo')}>
          ↶
        </button>
        <button type="button" className="icon-button" disabled={!redoLabel} title={redoLabel ? `${redoLabel} (Ctrl+Shift+Y)` : 'Nothing to redo'} aria-label="Redo" onClick={redo}>
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
          {/* A check chosen in the flags panel: named here too, so the filter shows with the panel closed. */}
          {checkFilter !== null && checkFilter !== 'any' && <option value={checkFilter}>Flagged: {CHECKS.find((c) => c.id === checkFilter)?.title ?? checkFilter}</option>}
          {/* Text differs from the MT, whatever the status: "corrected", never the status "Edited". */}
          <option value="edited-any">Corrected</option>
          <option value="notes">With notes</option>
          {/* No text yet: the empty targets of a partly translated file, still to translate. */}
          <option value="empty">Empty</option>
          {SEGMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <span className="text-filter">
          <input
            type="search"
            className="text-filter-input"
            aria-label="Filter rows by text"
            placeholder="Filter rows"
            title="Show only the sentences whose source, MT or correction contain this text, or match /a regex/ (/…/i ignores case)"
            value={textFilter.text}
            aria-invalid={textFilter.error !== null}
            aria-describedby={textFilter.error ? 'text-filter-error' : undefined}
            onChange={(e) => textFilter.setText(e.target.value)}
          />
          {textFilter.error && !find.open && (
            <span id="text-filter-error" className="text-filter-error" role="alert" data-testid="text-filter-error">
              {textFilter.error}
            </span>
          )}
        </span>
        <button type="button" aria-pressed={panel === 'flags'} className={`count-button${panel === 'flags' ? ' toggle-on' : ''}`} onClick={() => togglePanel('flags')}>
          Flags<span className="count">{flaggedCount > 0 ? ` (${flaggedCount})` : ''}</span>
        </button>
        <button type="button" aria-pressed={panel === 'metrics'} className={`collapsible${panel === 'metrics' ? ' toggle-on' : ''}`} onClick={() => togglePanel('metrics')}>
          Metrics
        </button>
        <button type="button" aria-pressed={panel === 'timeline'} className={`collapsible${panel === 'timeline' ? ' toggle-on' : ''}`} onClick={() => togglePanel('timeline')}>
          Changes
        </button>
        <button type="button" aria-pressed={panel === 'search'} className={`collapsible${panel === 'search' ? ' toggle-on' : ''}`} onClick={() => togglePanel('search')} title="Search all documents (Ctrl+Shift+F)">
          Search
        </button>
        {/* Named in full for screen readers at every width: below 1440 px only "Export…" shows. */}
        <button type="button" className="button-primary" onClick={() => void exportText()} disabled={exporting !== null} aria-label={exportCommand} title={`${exportCommand.slice(0, -1)} (Ctrl+E)`}>
          <span className="label-long">{exportCommand}</span>
          <span className="label-short">Export…</span>
        </button>
        <button type="button" className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (F1)" onClick={() => setDialog({ kind: 'shortcuts' })}>
          ?
        </button>
      </header>
      {editor.pages.error && (
        <p className="inline-error" role="alert">
          Could not load sentences: {editor.pages.error.replace(/\.$/, '')}. Trying again…
        </p>
      )}
      <Toasts label="Offers" className="toasts-document">
        {suggestion && (
          <PropagationBar
            suggestion={suggestion}
            onReview={() => propagate(suggestion, suggestion.segmentId, true)}
            onApplyAll={() => propagate(suggestion, suggestion.segmentId, false)}
            onDismiss={() => {
              setSuggestion(null);
              returnFocus();
            }}
          />
        )}
        {undo && (
          <UndoBar
            label={undo.batch.label}
            changed={undo.changed}
            skipped={undo.skipped}
            locked={undo.locked}
            tooLong={undo.tooLong}
            onUndo={undoLast}
            onDismiss={() => {
              dismissUndo();
              returnFocus(); // the button pressed went with the bar
            }}
          />
        )}
      </Toasts>
      <div className="document-body">
        <div className="grid-area">
        {find.open && <FindBar find={find} focusNonce={findFocus} rowFilterError={textFilter.error} />}
        {noRows && (
          <NoRows
            message={noRowsMessage(filter, textFilter.error ? '' : textFilter.text)}
            // Back where the editor was: the sentence in hand, in view, the keyboard in it.
            onShowAll={() => showAll(active?.position)}
          />
        )}
        <SegmentGrid
          pages={editor.pages}
          total={document.segmentCount}
          view={view}
          terOptions={terOptions}
          density={density}
          columns={columns}
          onColumns={setColumns}
          hasSource={hasSource}
          activeId={active?.id ?? null}
          flagsHeldAt={flagsHeldAt}
          texts={editor}
          onChange={editor.change}
          commands={rowCommands}
          onActivity={onActivity}
          flags={checks.flags}
          onFix={onFix}
          onIgnore={onIgnore}
          onAddWord={onAddWord}
          onShowIgnored={onShowIgnored}
          flagsVersion={checks.version}
          onLeave={onLeave}
          onNote={onNote}
          onNoteTyped={noteDraft.typed}
          noteOpenFor={noteOpenFor}
          positions={positions}
          reveal={reveal}
          findMatches={find.byPosition}
          currentMatch={find.current}
          annotations={annotations}
        />
        </div>
        {panel === 'flags' && (
          <FlagsPanel
            documentId={document.id}
            checks={checks}
            filter={checkFilter}
            onFilter={setFilter}
            onFixAll={fixAll}
            onNext={revealNext}
            onSettings={() => setDialog({ kind: 'checkSettings' })}
            onClose={() => setPanel('none')}
          />
        )}
        {panel === 'metrics' && (
          <MetricsPanel
            documentId={document.id}
            savedCount={editor.savedCount}
            options={terOptions}
            onOptions={setTerOptions}
            active={active && { segment: active, texts: editor, unsaved: (segmentId: number) => editor.unsavedEffort(segmentId) }}
            onClose={() => setPanel('none')}
          />
        )}
        {panel === 'history' && active && (
          <HistoryPanel
            // One panel per sentence: the revisions ticked for comparison are that sentence's.
            key={active.id}
            segment={active}
            refreshKey={editor.savedCount}
            onRestored={(segment) => {
              editor.applied([segment]);
              review.refresh();
              returnFocus();
            }}
            onError={onError}
            onClose={() => setPanel('none')}
            onAnnotationsChanged={() => setAnnotationsKey((n) => n + 1)}
            onNotice={onNotice}
          />
        )}
        {panel === 'timeline' && (
          <TimelinePanel documentId={document.id} refreshKey={`${editor.savedCount}:${exportsDone}`} onJump={jumpTo} onError={onError} onClose={() => setPanel('none')} />
        )}
        {panel === 'search' && (
          <SearchPanel documentId={document.id} onJump={jumpTo} onOpenDocument={onOpenDocument} onError={onError} onClose={() => setPanel('none')} />
        )}
      </div>
      <StatusBar counts={counts} flagged={flaggedCount} checking={checks.pending} saves={editor.queue} />
      {dialog?.kind === 'replace' && <FindReplaceDialog initial={dialog.initial} onPreview={replaceAll} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'shortcuts' && <ShortcutsOverlay onClose={() => setDialog(null)} />}
      {dialog?.kind === 'checkSettings' && (
        <CheckSettingsDialog documentId={document.id} onChanged={checks.refresh} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'palette' && <CommandPalette commands={commands} onClose={() => setDialog(null)} />}
      {exporting && (
        <ExportProgressDialog documentId={document.id} what={exporting.what} cancelling={exporting.cancelling} onCancel={cancelExport} />
      )}
      {(bulk.busy || review.stepping) && <BulkProgressDialog documentId={document.id} />}
      {dialog?.kind === 'export' && (
        <ExportDialog
          document={document}
          onClose={() => setDialog(null)}
          onExport={(choice) => {
            setDialog(null);
            if (choice.kind === 'report') exportReport(choice.changedOnly);
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
                onInfo(`Tagged “${added.quote}” as ${MQM_LABELS[added.category]} (${added.severity}).`);
                setAnnotationsKey((n) => n + 1);
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
          warning={bulk.preview.warning}
          hidden={hiddenInPreview}
          onClose={bulk.close}
          onApply={(segmentIds) => bulk.preview && bulk.apply(bulk.preview.apply, segmentIds)}
        />
      )}
    </div>
  );
}

import { memo, useMemo, useState, type ComponentProps } from 'react';
import { wordDiff } from '../../../core/diff';
import type { Flag } from '../../../core/checks/types';
import { segmentMetrics, type TerOptions } from '../../../core/metrics';
import { lockTitle, type Segment } from '../../../core/model/segment';
import { CorrectionEditor } from '../../components/CorrectionEditor';
import { KEEP_CLEAR } from '../../components/Toasts';
import { DiffText, type FlagMark } from '../../components/DiffText';
import { LockIcon } from '../../components/LockIcon';
import { MetricBadge } from '../../components/MetricBadge';
import { TaggedText } from '../../components/TaggedText';
import { StatusBadge } from '../../components/StatusBadge';
import { FlagList } from '../checks/FlagList';
import { useIgnoredCount } from '../checks/useIgnoredCount';
import { useLiveFlags } from '../checks/useLiveFlags';
import { RowActions, type RowCommands } from './RowActions';
import { useTypedText, useTypedTextAfterFrame, type TypedTexts } from './useTypedText';
import type { DiffView } from './viewSettings';
import { plural } from '../../lib/format';

interface SegmentRowProps {
  segment: Segment;
  /** What the editor sees in the correction: their unsaved text, or the stored one (the field re-renders at each key, the row once its frame is drawn). */
  texts: TypedTexts;
  firstInParagraph: boolean;
  view: DiffView;
  terOptions: TerOptions;
  /** Whether the source and MT columns are shown (side by side). */
  showSource: boolean;
  showMt: boolean;
  /** The row the editor works in: its live check runs and its ignores are asked. */
  active: boolean;
  /** Whether its flags are listed under it (the active row's, unless held until the editor acts). */
  listFlags: boolean;
  onChange: (segment: Segment, text: string) => void;
  onActivity: (segment: Segment, keystroke: boolean) => void;
  /** The stored check result for this sentence. */
  flags: readonly Flag[];
  onFix: (segment: Segment, flag: Flag) => void;
  onIgnore: (segment: Segment, flag: Flag, words: string) => void;
  onAddWord: (word: string) => void;
  /** Shows again every flag ignored on the sentence. */
  onShowIgnored: (segment: Segment) => void;
  /** Changes when the row's ignores are to be asked again (the document's checks answered). */
  ignoresAsked: number;
  /** The editor left the sentence's field. */
  onLeave: (segment: Segment) => void;
  onNote: (segment: Segment, note: string) => void;
  /** The note box's text as typed: saved should the box go without closing (useNoteDraft). */
  onNoteTyped: (segment: Segment, note: string) => void;
  /** Whether the note editor is open on this row. */
  noteOpen: boolean;
  commands: RowCommands;
  onMenu: (segment: Segment, at: { x: number; y: number }) => void;
}

const NO_FLAGS: readonly Flag[] = [];

/** A sentence's flags as marks under its words: misspellings apart, flags about no words left out; in order. */
const flagMarks = (flags: readonly Flag[]): FlagMark[] =>
  flags
    .filter((flag) => flag.end > flag.start)
    .map((flag): FlagMark => ({ start: flag.start, end: flag.end, kind: flag.check === 'spelling' ? 'spelling' : 'other' }))
    .sort((a, b) => a.start - b.start || a.end - b.end);

/** A note opened again: the caret after what it says, so what the editor types adds to it. Once, as it opens (a stable ref). */
function caretAtEnd(field: HTMLTextAreaElement | null): void {
  field?.setSelectionRange(field.value.length, field.value.length);
}

/** The correction field, re-rendered by itself as the editor types in it. */
function TypedCorrection({ texts, segment, ...editor }: Omit<ComponentProps<typeof CorrectionEditor>, 'value'> & { texts: TypedTexts; segment: Segment }) {
  return <CorrectionEditor {...editor} value={useTypedText(texts, segment)} history={texts.historyOf(segment.id)} />;
}

/**
 * One sentence, as high as its text. Side by side: the source (when there is one), the MT with what the
 * correction removed, and the editable correction with what it added; a narrow gutter with its number and
 * status, and its effort badge only once edited. Inline: one column with both, which turns into the editor
 * while the editor works in it. Flags are listed under the active row (unless held: `listFlags`); flagged rows carry a mark.
 */
export const SegmentRow = memo(function SegmentRow(props: SegmentRowProps) {
  const { segment, firstInParagraph, view, terOptions, onChange, onActivity, commands } = props;
  // A key shows in the field at once (TypedCorrection); the row around it — the diff, the figures, the live
  // check — follows once that frame is drawn, so a long sentence's diff never costs the keystroke its frame.
  const text = useTypedTextAfterFrame(props.texts, segment);
  const checked = useLiveFlags(segment, text, props.flags ?? NO_FLAGS, props.active);
  const { flags } = checked;
  const ignored = useIgnoredCount(segment.id, props.active, props.ignoresAsked);
  // The flagged words underlined in the correction's backdrop. Spans are of the text they were found in: while the
  // check of what is typed is under way, none is drawn.
  const marks = useMemo(() => flagMarks(checked.text === text ? flags : NO_FLAGS), [checked.text, text, flags]);
  // A unit without MT is translated, not post-edited: its text is drawn as written, not as one long insertion,
  // and it has no HTER of its own (the document counts it apart).
  const withoutMt = segment.mtText === '';
  const ops = useMemo(() => (withoutMt ? wordDiff(text, text) : wordDiff(segment.mtText, text)), [withoutMt, segment.mtText, text]);
  const metrics = useMemo(() => segmentMetrics(segment.mtText, text, terOptions), [segment.mtText, text, terOptions]);
  const [editingInline, setEditingInline] = useState(false);
  const edited = text !== segment.mtText;
  const hasSource = props.showSource && view === 'side-by-side';

  const editor = (autoFocus: boolean) => (
    <TypedCorrection
      texts={props.texts}
      segment={segment}
      ops={ops}
      marks={marks}
      label={`Correction of sentence ${segment.position}`}
      onChange={(next) => onChange(segment, next)}
      onActivity={(keystroke) => onActivity(segment, keystroke)}
      autoFocus={autoFocus}
      readOnly={segment.locked}
      lockedBy={segment.lockedBy}
      // The sentence's own line breaks (a Word line break; a gettext string's final \n, whose source has it when it has no MT).
      keepLineBreaks={segment.mtText.includes('\n') || (segment.mtText === '' && (segment.sourceText ?? '').includes('\n'))}
      onBlur={() => {
        if (view === 'inline') setEditingInline(false);
        props.onLeave(segment);
      }}
    />
  );

  const flagTitle = flags.map((flag) => flag.message).join('\n');
  return (
    <div
      className={`row${firstInParagraph ? ' row-paragraph-start' : ''}${edited ? ' row-edited' : ''}${segment.locked ? ' row-locked' : ''}${
        flags.length > 0 ? ' row-flagged' : ''
      }${props.active ? ' row-active' : ''}`}
      data-testid="segment-row"
      data-position={segment.position}
      data-segment-id={segment.id}
      {...(props.active ? { [KEEP_CLEAR]: '' } : {})}
      onContextMenu={(event) => {
        event.preventDefault();
        props.onMenu(segment, { x: event.clientX, y: event.clientY });
      }}
    >
      <div className="row-gutter" data-testid="row-gutter" title={`Paragraph ${segment.paragraph}, sentence ${segment.position}, ${plural(segment.revisionCount, 'revision')} stored`}>
        <span className="row-number">{segment.position}</span>
        <StatusBadge status={segment.status} reason={segment.rejectReason} />
        {segment.locked && (
          <span className="row-lock-mark" title={`${lockTitle(segment.lockedBy)}: read-only`} data-testid="lock-mark">
            <LockIcon label={`${lockTitle(segment.lockedBy)}: read-only`} />
          </span>
        )}
        {flags.length > 0 && (
          <span className="row-flag-mark" title={flagTitle} data-testid="flag-mark">
            ⚑<span className="visually-hidden"> {plural(flags.length, 'flag')}</span>
          </span>
        )}
      </div>
      {view === 'side-by-side' ? (
        <>
          {hasSource && (
            <div className="row-source" data-testid="source-text" data-side="source" data-find-column="source">
              {segment.sourceText !== null && <TaggedText text={segment.sourceText} mode="chip" />}
            </div>
          )}
          {props.showMt && (
            <div className="row-mt-cell">
              <div className="row-mt" data-testid="mt-text" data-side="mt" data-find-column="mt">
                {!withoutMt && <DiffText ops={ops} side="mt" />}
              </div>
              {segment.fileNotes.length > 0 && (
                <ul className="file-notes" aria-label="Notes from the file" data-testid="file-notes">
                  {segment.fileNotes.map((note, i) => (
                    <li key={i}>{note}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="row-correction">{editor(false)}</div>
        </>
      ) : (
        <div className="row-inline-cell">
          {editingInline ? (
            editor(true)
          ) : (
            <div
              className="inline-diff"
              data-testid="inline-diff"
              data-find-inline
              role="button"
              tabIndex={0}
              aria-label={`Edit sentence ${segment.position}`}
              onFocus={() => setEditingInline(true)}
            >
              <DiffText ops={ops} side="inline" />
            </div>
          )}
        </div>
      )}
      <div className="row-meta">
        {withoutMt ? (
          text !== '' && (
            <span className="metric-badge metric-no-mt" data-testid="no-mt-badge" title="No MT came with this unit: it is translated, not post-edited, so it has no HTER.">
              no MT
            </span>
          )
        ) : (
          edited && <MetricBadge metrics={metrics} />
        )}
        <RowActions segment={segment} edited={edited} commands={commands} />
      </div>
      {props.noteOpen && (
        <div className="row-note">
          <textarea
            autoFocus
            ref={caretAtEnd}
            className="note-input"
            aria-label={`Note on sentence ${segment.position}`}
            defaultValue={segment.note ?? ''}
            placeholder="A note for the next reviewer or the client"
            onChange={(event) => props.onNoteTyped(segment, event.target.value)}
            onBlur={(event) => props.onNote(segment, event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return;
              // Saved (on blur) and closed, with the keyboard back in the sentence's correction, not on the page.
              event.preventDefault();
              event.stopPropagation();
              const row = event.currentTarget.closest('[data-testid="segment-row"]');
              const field = row?.querySelector<HTMLElement>(`textarea[data-position="${segment.position}"], .inline-diff`);
              if (field) field.focus();
              else event.currentTarget.blur();
            }}
          />
        </div>
      )}
      {!props.noteOpen && segment.note && (
        <div className="row-note row-note-text" data-testid="note">
          ✎ {segment.note}
        </div>
      )}
      {segment.status === 'rejected' && segment.rejectReason && (
        <div className="row-note row-reject-reason" data-testid="reject-reason">
          ✗ Rejected: {segment.rejectReason}
        </div>
      )}
      {(flags.length > 0 || ignored > 0) && props.listFlags && (
        <div className="row-flags">
          <FlagList
            flags={flags}
            text={checked.text}
            canFix={text === segment.currentText && checked.text === text}
            onFix={(flag) => props.onFix(segment, flag)}
            onIgnore={(flag, words) => props.onIgnore(segment, flag, words)}
            onAddWord={props.onAddWord}
            ignored={ignored}
            onShowIgnored={() => props.onShowIgnored(segment)}
          />
        </div>
      )}
    </div>
  );
});

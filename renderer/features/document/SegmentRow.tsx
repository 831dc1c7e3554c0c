import { memo, useMemo, useState } from 'react';
import { wordDiff } from '../../../core/diff';
import type { Flag } from '../../../core/checks/types';
import { segmentMetrics, type TerOptions } from '../../../core/metrics';
import { SEGMENT_STATUSES, type Segment, type SegmentStatus } from '../../../core/model/segment';
import { CorrectionEditor } from '../../components/CorrectionEditor';
import { DiffText } from '../../components/DiffText';
import { MetricBadge } from '../../components/MetricBadge';
import { TaggedText } from '../../components/TaggedText';
import { STATUS_LABELS, StatusBadge } from '../../components/StatusBadge';
import { FlagList } from '../checks/FlagList';
import { useLiveFlags } from '../checks/useLiveFlags';
import type { DiffView } from './viewSettings';

interface SegmentRowProps {
  segment: Segment;
  /** What the editor sees in the correction: their unsaved text, or the stored one. */
  text: string;
  firstInParagraph: boolean;
  view: DiffView;
  terOptions: TerOptions;
  onChange: (segment: Segment, text: string) => void;
  onRevert: (segment: Segment) => void;
  onActivity: (segment: Segment, keystroke: boolean) => void;
  /** The stored check result for this sentence. */
  flags: readonly Flag[];
  onFix: (segment: Segment, flag: Flag) => void;
  onIgnore: (segment: Segment, flag: Flag) => void;
  /** The editor left the sentence's field. */
  onLeave: (segment: Segment) => void;
  onStatus: (segment: Segment, status: SegmentStatus) => void;
  onNote: (segment: Segment, note: string) => void;
  /** Whether the note editor is open on this row. */
  noteOpen: boolean;
  onToggleNote: (segment: Segment) => void;
}

const NO_FLAGS: readonly Flag[] = [];

/**
 * One sentence. Side by side: the MT with what the correction removed, and the editable correction with what
 * it added. Inline: one column with both, which turns into the editor while the editor works in it.
 */
export const SegmentRow = memo(function SegmentRow(props: SegmentRowProps) {
  const { segment, text, firstInParagraph, view, terOptions, onChange, onRevert, onActivity } = props;
  const flags = useLiveFlags(segment, text, props.flags ?? NO_FLAGS);
  const ops = useMemo(() => wordDiff(segment.mtText, text), [segment.mtText, text]);
  const metrics = useMemo(() => segmentMetrics(segment.mtText, text, terOptions), [segment.mtText, text, terOptions]);
  const [editingInline, setEditingInline] = useState(false);
  const edited = text !== segment.mtText;

  const editor = (autoFocus: boolean) => (
    <CorrectionEditor
      value={text}
      ops={ops}
      label={`Correction of sentence ${segment.position}`}
      onChange={(next) => onChange(segment, next)}
      onActivity={(keystroke) => onActivity(segment, keystroke)}
      autoFocus={autoFocus}
      onBlur={() => {
        if (view === 'inline') setEditingInline(false);
        props.onLeave(segment);
      }}
    />
  );

  return (
    <div
      className={`row row-${view}${firstInParagraph ? ' row-paragraph-start' : ''}${edited ? ' row-edited' : ''}${
        flags.length > 0 ? ' row-flagged' : ''
      }`}
      data-testid="segment-row"
      data-position={segment.position}
    >
      <div className="row-gutter" title={`Paragraph ${segment.paragraph}, sentence ${segment.position}`}>
        {firstInParagraph && <span className="row-paragraph">¶{segment.paragraph}</span>}
        <span className="row-number">{segment.position}</span>
        <StatusBadge status={segment.status} />
      </div>
      {view === 'side-by-side' ? (
        <>
          <div className="row-mt-cell">
            {segment.sourceText && (
              <div className="row-source" lang="" data-testid="source-text">
                <TaggedText text={segment.sourceText} mode="chip" />
              </div>
            )}
            <div className="row-mt" data-testid="mt-text">
              <DiffText ops={ops} side="mt" />
            </div>
            {segment.fileNotes.length > 0 && (
              <ul className="file-notes" aria-label="Notes from the file" data-testid="file-notes">
                {segment.fileNotes.map((note, i) => (
                  <li key={i}>{note}</li>
                ))}
              </ul>
            )}
          </div>
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
      <div className="row-actions">
        {edited && <MetricBadge metrics={metrics} />}
        <span className="row-revisions" title="Revisions stored for this sentence">
          {segment.revisionCount > 1 ? `${segment.revisionCount} rev.` : ''}
        </span>
        <select
          className="status-select"
          aria-label={`Status of sentence ${segment.position}`}
          value={segment.status}
          onChange={(event) => props.onStatus(segment, event.target.value as SegmentStatus)}
        >
          {SEGMENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className={`icon-button${segment.note ? ' has-note' : ''}`}
          onClick={() => props.onToggleNote(segment)}
          aria-label={`Note on sentence ${segment.position}`}
          title={segment.note ?? 'Add a note (Ctrl+Alt+N)'}
        >
          ✎
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => onRevert(segment)}
          disabled={!edited}
          aria-label={`Revert sentence ${segment.position} to the MT`}
          title="Revert to MT"
        >
          ↺
        </button>
      </div>
      {props.noteOpen && (
        <div className="row-note">
          <textarea
            autoFocus
            className="note-input"
            aria-label={`Note on sentence ${segment.position}`}
            defaultValue={segment.note ?? ''}
            placeholder="A note for the next reviewer or the client"
            onBlur={(event) => props.onNote(segment, event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') event.currentTarget.blur();
            }}
          />
        </div>
      )}
      {!props.noteOpen && segment.note && (
        <div className="row-note row-note-text" data-testid="note">
          ✎ {segment.note}
        </div>
      )}
      {flags.length > 0 && (
        <div className="row-flags">
          <FlagList
            flags={flags}
            text={text}
            canFix={text === segment.currentText}
            onFix={(flag) => props.onFix(segment, flag)}
            onIgnore={(flag) => props.onIgnore(segment, flag)}
          />
        </div>
      )}
    </div>
  );
});

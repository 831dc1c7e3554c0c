import { memo, useMemo, useState } from 'react';
import { wordDiff } from '../../../core/diff';
import { segmentMetrics, type TerOptions } from '../../../core/metrics';
import type { Segment } from '../../../core/model/segment';
import { CorrectionEditor } from '../../components/CorrectionEditor';
import { DiffText } from '../../components/DiffText';
import { MetricBadge } from '../../components/MetricBadge';
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
}

/**
 * One sentence. Side by side: the MT with what the correction removed, and the editable correction with what
 * it added. Inline: one column with both, which turns into the editor while the editor works in it.
 */
export const SegmentRow = memo(function SegmentRow(props: SegmentRowProps) {
  const { segment, text, firstInParagraph, view, terOptions, onChange, onRevert, onActivity } = props;
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
      onBlur={view === 'inline' ? () => setEditingInline(false) : undefined}
    />
  );

  return (
    <div
      className={`row row-${view}${firstInParagraph ? ' row-paragraph-start' : ''}${edited ? ' row-edited' : ''}`}
      data-testid="segment-row"
      data-position={segment.position}
    >
      <div className="row-gutter" title={`Paragraph ${segment.paragraph}, sentence ${segment.position}`}>
        {firstInParagraph && <span className="row-paragraph">¶{segment.paragraph}</span>}
        <span className="row-number">{segment.position}</span>
      </div>
      {view === 'side-by-side' ? (
        <>
          <div className="row-mt" data-testid="mt-text">
            <DiffText ops={ops} side="mt" />
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
    </div>
  );
});

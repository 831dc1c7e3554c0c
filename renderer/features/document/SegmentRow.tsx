import { memo, useMemo } from 'react';
import { wordDiff } from '../../../core/diff';
import type { Segment } from '../../../core/model/segment';
import { CorrectionEditor } from '../../components/CorrectionEditor';
import { DiffText } from '../../components/DiffText';

interface SegmentRowProps {
  segment: Segment;
  /** What the editor sees in the correction: their unsaved text, or the stored one. */
  text: string;
  firstInParagraph: boolean;
  onChange: (segment: Segment, text: string) => void;
  onRevert: (segment: Segment) => void;
}

/** One sentence: the MT with what the correction removed, and the editable correction with what it added. */
export const SegmentRow = memo(function SegmentRow({ segment, text, firstInParagraph, onChange, onRevert }: SegmentRowProps) {
  const ops = useMemo(() => wordDiff(segment.mtText, text), [segment.mtText, text]);
  const edited = text !== segment.mtText;
  return (
    <div
      className={`row${firstInParagraph ? ' row-paragraph-start' : ''}${edited ? ' row-edited' : ''}`}
      data-testid="segment-row"
      data-position={segment.position}
    >
      <div className="row-gutter" title={`Paragraph ${segment.paragraph}, sentence ${segment.position}`}>
        {firstInParagraph && <span className="row-paragraph">¶{segment.paragraph}</span>}
        <span className="row-number">{segment.position}</span>
      </div>
      <div className="row-mt" lang="en" data-testid="mt-text">
        <DiffText ops={ops} side="mt" />
      </div>
      <div className="row-correction">
        <CorrectionEditor
          value={text}
          ops={ops}
          label={`Correction of sentence ${segment.position}`}
          onChange={(next) => onChange(segment, next)}
        />
      </div>
      <div className="row-actions">
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

import { useMemo, useState } from 'react';
import { wordDiff } from '../../../core/diff';
import { DiffText } from '../../components/DiffText';
import { LockIcon } from '../../components/LockIcon';
import { Modal } from '../../components/Modal';

export interface PreviewedChange {
  segmentId: number;
  position: number;
  before: string;
  after: string;
  /** The file locks the sentence: shown, not chosen, left alone. */
  locked?: boolean;
}

interface ChangePreviewDialogProps {
  title: string;
  changes: readonly PreviewedChange[];
  /** Applies the chosen changes (as one batch). */
  onApply: (segmentIds: number[]) => void;
  onClose: () => void;
  busy?: boolean;
}

function ChangeRow({ change, checked, onToggle }: { change: PreviewedChange; checked: boolean; onToggle: () => void }) {
  const ops = useMemo(() => wordDiff(change.before, change.after), [change]);
  return (
    <li className="preview-row" data-testid="preview-row">
      <label>
        <input
          type="checkbox"
          checked={checked}
          disabled={change.locked}
          onChange={onToggle}
          aria-label={`Apply to sentence ${change.position}`}
        />
        <span className="preview-position">{change.position}</span>
        <span className="preview-diff">
          <DiffText ops={ops} side="inline" />
          {change.locked && (
            <span className="preview-locked" data-testid="preview-locked">
              {' '}
              <LockIcon label="Locked" /> locked in the file, left as it is
            </span>
          )}
        </span>
      </label>
    </li>
  );
}

/** Every change a bulk action would make, as a diff, each one chosen or not; then applied as one batch. */
export function ChangePreviewDialog({ title, changes, onApply, onClose, busy }: ChangePreviewDialogProps) {
  const [chosen, setChosen] = useState(() => new Set(changes.filter((c) => !c.locked).map((c) => c.segmentId)));
  const open = changes.filter((c) => !c.locked).length;
  const locked = changes.length - open;
  const toggle = (id: number) =>
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <>
          <span className="muted">
            {chosen.size} of {open} chosen
            {locked > 0 ? `; ${locked} locked in the file, skipped` : ''}
          </span>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button-primary"
            autoFocus
            disabled={chosen.size === 0 || busy}
            onClick={() => onApply(changes.filter((c) => chosen.has(c.segmentId)).map((c) => c.segmentId))}
          >
            Apply {chosen.size === open ? 'all' : chosen.size} as one step
          </button>
        </>
      }
    >
      <ul className="preview-list">
        {changes.map((change) => (
          <ChangeRow
            key={change.segmentId}
            change={change}
            checked={chosen.has(change.segmentId)}
            onToggle={() => toggle(change.segmentId)}
          />
        ))}
      </ul>
    </Modal>
  );
}

import { plural } from '../../lib/format';
import { uncounted } from './stepLabel';

interface UndoBarProps {
  label: string;
  changed: number;
  skipped: number;
  /** Sentences left alone because the file locks them. */
  locked?: number;
  onUndo: () => void;
  onDismiss: () => void;
}

/** Confirms a bulk change and offers to undo it as one step. */
export function UndoBar({ label, changed, skipped, locked = 0, onUndo, onDismiss }: UndoBarProps) {
  return (
    <div className="action-bar" role="status" data-testid="undo-bar">
      <span>
        {uncounted(label)}: changed {plural(changed, 'sentence')}
        {skipped > 0 ? `, left ${skipped} that changed meanwhile` : ''}
        {locked > 0 ? `, skipped ${locked} locked in the file` : ''}.
      </span>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="button-quiet" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

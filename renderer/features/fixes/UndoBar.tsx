import { plural } from '../../lib/format';
import { lockedWords } from './previewChoice';
import { uncounted } from './stepLabel';

interface UndoBarProps {
  label: string;
  changed: number;
  skipped: number;
  /** Sentences left alone because the file locks them. */
  locked?: number;
  /** Sentences left alone because they are too long to edit here. */
  tooLong?: number;
  onUndo: () => void;
  onDismiss: () => void;
}

/** Confirms a bulk change and offers to undo it as one step. */
export function UndoBar({ label, changed, skipped, locked = 0, tooLong = 0, onUndo, onDismiss }: UndoBarProps) {
  return (
    <div className="action-bar" role="status" data-testid="undo-bar">
      <span>
        {uncounted(label)}: changed {plural(changed, 'sentence')}
        {skipped > 0 ? `, left ${skipped} that changed meanwhile` : ''}
        {locked + tooLong > 0 ? `, skipped ${lockedWords({ file: locked, length: tooLong })}` : ''}.
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

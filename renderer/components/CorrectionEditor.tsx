import type { DiffOp } from '../../core/diff';
import { DiffText } from './DiffText';

interface CorrectionEditorProps {
  value: string;
  ops: readonly DiffOp[];
  label: string;
  onChange: (text: string) => void;
  /** The editor acted in the field: entered it (keystroke false) or pressed a key. */
  onActivity?: (keystroke: boolean) => void;
  autoFocus?: boolean;
  onBlur?: () => void;
}

/** A sentence holds no line breaks: typed or pasted ones become spaces. */
const singleLine = (text: string) => text.replace(/\r\n|[\r\n]/g, ' ');

/**
 * A plain textarea over a backdrop that draws the insertions at the very same place, so the editor sees the
 * live diff inside the field they type in. Both layers share every metric that affects wrapping.
 */
export function CorrectionEditor({ value, ops, label, onChange, onActivity, autoFocus, onBlur }: CorrectionEditorProps) {
  return (
    <div className="editor">
      <div className="editor-layer editor-backdrop" aria-hidden="true" data-testid="correction-diff" data-find-column="target">
        <DiffText ops={ops} side="correction" />
        {'\u200b'}
      </div>
      <textarea
        className="editor-layer editor-input"
        aria-label={label}
        value={value}
        rows={1}
        spellCheck
        autoFocus={autoFocus}
        onFocus={() => onActivity?.(false)}
        onBlur={onBlur}
        data-position={label.replace(/\D+/g, '')}
        onChange={(event) => onChange(singleLine(event.target.value))}
        onKeyDown={(event) => {
          onActivity?.(true);
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
    </div>
  );
}

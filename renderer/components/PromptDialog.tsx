import { useState } from 'react';
import { Modal } from './Modal';

interface PromptDialogProps {
  title: string;
  label: string;
  initial?: string;
  confirm: string;
  multiline?: boolean;
  onSubmit: (value: string) => void;
  onClose: () => void;
}

/** Asks for one line (or a few) of text: a rejection's reason, a new title. */
export function PromptDialog({ title, label, initial = '', confirm, multiline, onSubmit, onClose }: PromptDialogProps) {
  const [value, setValue] = useState(initial);
  const submit = () => value.trim() && onSubmit(value.trim());
  return (
    <Modal
      title={title}
      onClose={onClose}
      // A stray click beside the dialog must not throw away what was typed.
      closeOnBackdrop={value === initial}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button-primary" disabled={!value.trim()} onClick={submit}>
            {confirm}
          </button>
        </>
      }
    >
      <label className="prompt-field">
        <span>{label}</span>
        {multiline ? (
          <textarea
            autoFocus
            value={value}
            rows={3}
            title={`Ctrl+Enter: ${confirm}`}
            onChange={(e) => setValue(e.target.value)}
            // Enter starts a new line of the reason; Ctrl+Enter sends it, as it confirms a sentence — and goes no
            // further: the window's own Ctrl+Enter (confirm) would otherwise run once the dialog has closed.
            onKeyDown={(e) => {
              if (!(e.ctrlKey || e.metaKey) || e.key !== 'Enter') return;
              e.preventDefault();
              e.stopPropagation();
              submit();
            }}
          />
        ) : (
          <input
            autoFocus
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && submit()}
          />
        )}
      </label>
      {multiline && (
        <p className="prompt-hint" data-testid="prompt-hint">
          Enter starts a new line; Ctrl+Enter: {confirm}.
        </p>
      )}
    </Modal>
  );
}

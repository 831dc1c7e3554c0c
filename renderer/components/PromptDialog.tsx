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
          <textarea autoFocus value={value} rows={3} onChange={(e) => setValue(e.target.value)} />
        ) : (
          <input
            autoFocus
            value={value}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && submit()}
          />
        )}
      </label>
    </Modal>
  );
}

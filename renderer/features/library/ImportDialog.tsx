import { useState } from 'react';
import type { FormatId } from '../../../core/formats/types';
import type { ResponseOf } from '../../../core/ipc';
import { Modal } from '../../components/Modal';
import { call } from '../../lib/desktop';

type Picked = NonNullable<ResponseOf<'documents.pickFile'>>;

const FORMAT_LABELS: Record<string, string> = {
  text: 'Plain text',
  markdown: 'Markdown',
  xliff: 'XLIFF',
  tmx: 'TMX',
  csv: 'CSV / TSV',
  po: 'gettext PO',
};
const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'koi8-r', 'windows-1252', 'iso-8859-1'];

interface ImportDialogProps {
  picked: Picked;
  formats: readonly string[];
  onImport: (options: { format: FormatId; encoding: string }) => void;
  onClose: () => void;
  onError: (error: unknown) => void;
}

/** Shows what a file was taken for (format, encoding, how it reads) and lets the editor change it first. */
export function ImportDialog({ picked, formats, onImport, onClose, onError }: ImportDialogProps) {
  const [view, setView] = useState(picked);
  const reread = (patch: { format?: FormatId; encoding?: string }) =>
    call('documents.inspectPicked', { token: picked.token, format: view.format, encoding: view.encoding, ...patch }).then(
      (next) => setView({ ...view, ...next }),
      onError,
    );
  return (
    <Modal
      title={`Open ${picked.fileName}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button-primary" autoFocus onClick={() => onImport({ format: view.format, encoding: view.encoding })}>
            Open
          </button>
        </>
      }
    >
      <div className="form-grid">
        <label>
          <span>Format</span>
          <select value={view.format} onChange={(e) => void reread({ format: e.target.value as FormatId })}>
            {formats.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f] ?? f}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>
            Encoding {view.confidence < 0.9 ? '(guessed — check the preview)' : '(detected)'}
          </span>
          <select aria-label="Encoding" value={view.encoding} onChange={(e) => void reread({ encoding: e.target.value })}>
            {[...new Set([view.encoding, ...ENCODINGS])].map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
      </div>
      <pre className="import-preview" data-testid="import-preview">{view.preview}</pre>
    </Modal>
  );
}

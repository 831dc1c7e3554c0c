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

export interface ImportChoices {
  format: FormatId;
  encoding: string;
  sourceLang?: string;
  targetLang?: string;
  columns?: { source?: string; target: string; id?: string };
}

interface ImportDialogProps {
  picked: Picked;
  formats: readonly string[];
  onImport: (options: ImportChoices) => void;
  onClose: () => void;
  onError: (error: unknown) => void;
}

/** Shows what a file was taken for (format, encoding, how it reads) and lets the editor change it first. */
/** A detected column (a header name or a 0-based number) as the header name the selects show. */
const columnName = (columns: readonly string[], column: string | number | undefined) =>
  column === undefined ? '' : typeof column === 'number' ? (columns[column] ?? '') : column;

export function ImportDialog({ picked, formats, onImport, onClose, onError }: ImportDialogProps) {
  const [view, setView] = useState(picked);
  const languages = view.languages ?? [];
  const [sourceLang, setSourceLang] = useState(view.sourceLang ?? languages[0] ?? '');
  const [targetLang, setTargetLang] = useState(languages.find((l) => l !== (view.sourceLang ?? languages[0])) ?? '');
  const columns = view.columns ?? [];
  const [mapping, setMapping] = useState({
    source: columnName(columns, view.mapping?.source),
    target: columnName(columns, view.mapping?.target),
    id: columnName(columns, view.mapping?.id),
  });
  const choices = (): ImportChoices => ({
    format: view.format,
    encoding: view.encoding,
    ...(view.format === 'tmx' && languages.length > 1 ? { sourceLang, targetLang } : {}),
    ...(view.format === 'csv' && columns.length > 0 && mapping.target
      ? { columns: { target: mapping.target, ...(mapping.source ? { source: mapping.source } : {}), ...(mapping.id ? { id: mapping.id } : {}) } }
      : {}),
  });
  const columnSelect = (label: string, key: 'source' | 'target' | 'id', optional: boolean) => (
    <label>
      <span>{label}</span>
      <select aria-label={label} value={mapping[key]} onChange={(e) => setMapping({ ...mapping, [key]: e.target.value })}>
        {optional && <option value="">—</option>}
        {columns.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
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
          <button type="button" className="button-primary" autoFocus onClick={() => onImport(choices())}>
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
        {view.format === 'tmx' && languages.length > 1 && (
          <>
            <label>
              <span>Source language</span>
              <select aria-label="Source language" value={sourceLang} onChange={(e) => setSourceLang(e.target.value)}>
                {languages.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
            </label>
            <label>
              <span>Language to review</span>
              <select aria-label="Language to review" value={targetLang} onChange={(e) => setTargetLang(e.target.value)}>
                {languages.map((l) => (
                  <option key={l}>{l}</option>
                ))}
              </select>
            </label>
          </>
        )}
        {view.format === 'csv' && columns.length > 0 && (
          <>
            {columnSelect('MT column', 'target', false)}
            {columnSelect('Source column', 'source', true)}
            {columnSelect('Id column', 'id', true)}
          </>
        )}
      </div>
      <pre className="import-preview" data-testid="import-preview">{view.preview}</pre>
    </Modal>
  );
}

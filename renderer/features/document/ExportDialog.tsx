import { useState } from 'react';
import type { DocumentSummary } from '../../../core/model/document';
import { CHANGED_ONLY_ABOVE } from '../../../core/report/htmlReport';
import { Modal } from '../../components/Modal';

export type ExportChoice =
  | { kind: 'original'; utf8: boolean }
  | { kind: 'csv' }
  | { kind: 'tmx' }
  | { kind: 'report'; changedOnly: boolean };

const FORMAT_NAMES: Record<string, string> = {
  text: 'plain text',
  markdown: 'Markdown',
  xliff: 'XLIFF',
  tmx: 'TMX',
  csv: 'CSV',
  po: 'PO',
  docx: 'Word',
};

/** The ways out of a document: its own format (in its encoding or UTF-8), a CSV table, the HTML report. */
export function ExportDialog({
  document,
  onExport,
  onClose,
  initial = 'original',
}: {
  document: DocumentSummary;
  onExport: (choice: ExportChoice) => void;
  onClose: () => void;
  /** The choice selected when the dialog opens (the File menu opens it on the report). */
  initial?: ExportChoice['kind'];
}) {
  const [kind, setKind] = useState<ExportChoice['kind']>(initial);
  const [utf8, setUtf8] = useState(false);
  // The report's default: changed sentences only for long documents, as the report itself decides.
  const [changedOnly, setChangedOnly] = useState(document.segmentCount > CHANGED_ONLY_ABOVE);
  const recoding = document.encoding !== 'utf-8' && document.encoding !== 'binary';
  const choice: ExportChoice =
    kind === 'original' ? { kind, utf8 } : kind === 'report' ? { kind, changedOnly } : { kind };
  return (
    <Modal
      title="Export"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button-primary" autoFocus onClick={() => onExport(choice)}>
            Export…
          </button>
        </>
      }
    >
      <fieldset className="export-choices">
        <label className="checkbox">
          <input type="radio" name="export" checked={kind === 'original'} onChange={() => setKind('original')} />
          The reviewed document as {FORMAT_NAMES[document.format] ?? document.format}, in its original layout
        </label>
        {recoding && kind === 'original' && (
          <label className="checkbox indent">
            <input type="checkbox" checked={utf8} onChange={(e) => setUtf8(e.target.checked)} />
            In UTF-8 instead of {document.encoding}
          </label>
        )}
        <label className="checkbox">
          <input type="radio" name="export" checked={kind === 'csv'} onChange={() => setKind('csv')} />
          A CSV table: source, MT, final text, status, note and reason of a rejection per sentence
        </label>
        <label className="checkbox">
          <input type="radio" name="export" checked={kind === 'tmx'} onChange={() => setKind('tmx')} />
          A TMX memory of the approved sentences and their sources
        </label>
        <label className="checkbox">
          <input type="radio" name="export" checked={kind === 'report'} onChange={() => setKind('report')} />
          The HTML review report (printable to PDF)
        </label>
        {kind === 'report' && (
          <label className="checkbox indent">
            <input type="checkbox" checked={changedOnly} onChange={(e) => setChangedOnly(e.target.checked)} />
            Changed sentences only (each run of untouched sentences as one line)
          </label>
        )}
      </fieldset>
    </Modal>
  );
}

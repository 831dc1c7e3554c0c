import { useState } from 'react';
import type { DocumentSummary } from '../../../core/model/document';
import { Modal } from '../../components/Modal';

export type ExportChoice = { kind: 'original'; utf8: boolean } | { kind: 'csv' } | { kind: 'tmx' } | { kind: 'report' };

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
export function ExportDialog({ document, onExport, onClose }: { document: DocumentSummary; onExport: (choice: ExportChoice) => void; onClose: () => void }) {
  const [kind, setKind] = useState<ExportChoice['kind']>('original');
  const [utf8, setUtf8] = useState(false);
  const recoding = document.encoding !== 'utf-8' && document.encoding !== 'binary';
  const choice: ExportChoice = kind === 'original' ? { kind, utf8 } : { kind };
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
          A CSV table: source, MT, final text, status and note per sentence
        </label>
        <label className="checkbox">
          <input type="radio" name="export" checked={kind === 'tmx'} onChange={() => setKind('tmx')} />
          A TMX memory of the approved sentences and their sources
        </label>
        <label className="checkbox">
          <input type="radio" name="export" checked={kind === 'report'} onChange={() => setKind('report')} />
          The HTML review report (printable to PDF)
        </label>
      </fieldset>
    </Modal>
  );
}

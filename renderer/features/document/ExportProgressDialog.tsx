import { describeExport, exportFraction } from '../../../core/model/exportProgress';
import { useProgressOf } from '../../lib/useProgressOf';
import { Modal } from '../../components/Modal';

interface ExportProgressDialogProps {
  documentId: number;
  /** What is being written, in words ("the clean text", "the review report"). */
  what: string;
  cancelling: boolean;
  onCancel: () => void;
}

/**
 * The bar of an export running in main's worker, polled by document. It shows nothing until main says an export
 * is running (while the save dialog is open, or for an export done before the first poll), so short exports
 * never flash a dialog.
 */
export function ExportProgressDialog({ documentId, what, cancelling, onCancel }: ExportProgressDialogProps) {
  const progress = useProgressOf('documents.exportProgress', documentId);
  if (progress === null) return null;
  const fraction = exportFraction(progress);
  return (
    <Modal
      title="Export"
      onClose={onCancel}
      closeOnBackdrop={false}
      footer={
        <button type="button" disabled={cancelling} onClick={onCancel}>
          {cancelling ? 'Cancelling…' : 'Cancel export'}
        </button>
      }
    >
      <div className="import-progress">
        <p>
          {cancelling ? `Cancelling… (${what})` : `Exporting ${what}`}
          <span className="muted"> · {Math.round(fraction * 100)}%</span>
        </p>
        <progress aria-label="Export progress" value={fraction} max={1} />
        <p className="muted" data-testid="export-phase">
          {describeExport(progress)}
        </p>
        <p className="muted">The file is written under its name only once it is complete.</p>
      </div>
    </Modal>
  );
}

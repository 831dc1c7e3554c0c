import { useState } from 'react';
import { call } from '../../lib/desktop';
import { useProgressOf } from '../../lib/useProgressOf';
import { Modal } from '../../components/Modal';

/**
 * The bar of a bulk write (replace all, fix all, apply to all, undo of one…) that main writes a few sentences a
 * step. It shows nothing until main says the write has got past its first step, so a short one never flashes a
 * dialog; while it shows, the grid waits under it (a sentence typed meanwhile would race the write). Only its
 * button ends it: Stop keeps what is written, as one step the editor can undo (an undo or redo has no Stop).
 */
export function BulkProgressDialog({ documentId }: { documentId: number }) {
  const progress = useProgressOf('batches.progress', documentId);
  const [stopping, setStopping] = useState(false);
  if (progress === null) return null;
  const stop = () => {
    setStopping(true);
    void call('batches.stop', { documentId }).catch(() => undefined);
  };
  return (
    <Modal
      title="Writing the change"
      onClose={() => undefined}
      closable={false}
      closeOnBackdrop={false}
      footer={
        progress.stoppable && (
          <button type="button" disabled={stopping} onClick={stop}>
            {stopping ? 'Stopping…' : 'Stop here'}
          </button>
        )
      }
    >
      <div className="import-progress" data-testid="bulk-progress">
        <p>
          {progress.done.toLocaleString('en')} of {progress.total.toLocaleString('en')} sentences
          <span className="muted"> · {Math.round((100 * progress.done) / Math.max(progress.total, 1))}%</span>
        </p>
        <progress aria-label="Bulk change progress" value={progress.done} max={Math.max(progress.total, 1)} />
        <p className="muted">
          {!progress.stoppable
            ? 'Editing waits until it is done. An undo or redo is written whole, so that it stays one step.'
            : stopping
              ? 'Stopping after the sentences being written now. What is written stays, as one step you can undo.'
              : 'Editing waits until it is done. Stopping keeps what is written, as one step you can undo.'}
        </p>
      </div>
    </Modal>
  );
}

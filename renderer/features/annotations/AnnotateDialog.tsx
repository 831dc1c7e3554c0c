import { useState } from 'react';
import { MQM_CATEGORIES, MQM_LABELS, MQM_SEVERITIES, type MqmCategory, type MqmSeverity } from '../../../core/mqm/categories';
import { Modal } from '../../components/Modal';

export interface Selection {
  segmentId: number;
  position: number;
  side: 'source' | 'mt' | 'target';
  start: number;
  end: number;
  quote: string;
}

interface AnnotateDialogProps {
  selection: Selection;
  onSave: (annotation: { category: MqmCategory; severity: MqmSeverity; comment: string }) => void;
  onClose: () => void;
}

/** Tags the selected words with an MQM category and severity. */
export function AnnotateDialog({ selection, onSave, onClose }: AnnotateDialogProps) {
  const [category, setCategory] = useState<MqmCategory>('accuracy.mistranslation');
  const [severity, setSeverity] = useState<MqmSeverity>('major');
  const [comment, setComment] = useState('');
  const save = () => onSave({ category, severity, comment: comment.trim() });
  return (
    <Modal
      title={`Tag an error in sentence ${selection.position}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button-primary" onClick={save}>
            Tag error
          </button>
        </>
      }
    >
      <p>
        {selection.side === 'source' ? 'In the source' : selection.side === 'mt' ? 'In the MT' : 'In the correction'}: “<strong>{selection.quote}</strong>”
      </p>
      <div className="form-grid" onKeyDown={(e) => e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement) && save()}>
        <label>
          <span>Category</span>
          <select autoFocus value={category} onChange={(e) => setCategory(e.target.value as MqmCategory)}>
            {MQM_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {MQM_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Severity</span>
          <select value={severity} onChange={(e) => setSeverity(e.target.value as MqmSeverity)}>
            {MQM_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Comment</span>
          <input value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
      </div>
    </Modal>
  );
}

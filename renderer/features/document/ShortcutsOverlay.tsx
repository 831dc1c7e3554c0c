import { Modal } from '../../components/Modal';
import { SHORTCUTS } from './shortcuts';

/** Lists every shortcut of the document screen. */
export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} footer={<button type="button" onClick={onClose}>Close</button>}>
      <dl className="shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.id} className="shortcut">
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>
              {s.description}
              {s.keysNote && <span className="shortcut-note">{s.keysNote}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}

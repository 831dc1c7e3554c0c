import { useEffect, useRef } from 'react';
import { SEGMENT_STATUSES, type Segment, type SegmentStatus } from '../../../core/model/segment';
import { STATUS_LABELS } from '../../components/StatusBadge';

export interface RowCommands {
  onStatus: (segment: Segment, status: SegmentStatus) => void;
  onToggleNote: (segment: Segment) => void;
  onRevert: (segment: Segment) => void;
  onHistory: (segment: Segment) => void;
}

/**
 * A row's actions on hover or focus: note and revert. Out of the Tab order (Tab goes from correction to
 * correction); the keyboard reaches them by shortcut, the mouse here or in the row's context menu.
 */
export function RowActions({ segment, edited, commands }: { segment: Segment; edited: boolean; commands: RowCommands }) {
  return (
    <div className="row-actions" data-testid="row-actions">
      <button
        type="button"
        tabIndex={-1}
        className={`icon-button${segment.note ? ' has-note' : ''}`}
        onClick={() => commands.onToggleNote(segment)}
        aria-label={`Note on sentence ${segment.position}`}
        title={segment.note ?? 'Add a note (Ctrl+Alt+N)'}
      >
        ✎
      </button>
      <button
        type="button"
        tabIndex={-1}
        className="icon-button"
        onClick={() => commands.onRevert(segment)}
        disabled={!edited}
        aria-label={`Revert sentence ${segment.position} to the MT`}
        title="Revert to MT (Ctrl+Alt+R)"
      >
        ↺
      </button>
    </div>
  );
}

/** The context menu of a row: every status, note, history and revert, by mouse or arrow keys. */
export function RowMenu({
  segment,
  at,
  edited,
  commands,
  onClose,
}: {
  segment: Segment;
  at: { x: number; y: number };
  edited: boolean;
  commands: RowCommands;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [onClose]);
  const item = (label: string, action: () => void, disabled = false) => (
    <button
      key={label}
      type="button"
      role="menuitem"
      tabIndex={-1}
      disabled={disabled}
      onClick={() => {
        onClose();
        action();
      }}
    >
      {label}
    </button>
  );
  const statuses = SEGMENT_STATUSES.filter((s) => s !== segment.status);
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={`Sentence ${segment.position}`}
      style={{ left: Math.min(at.x, window.innerWidth - 230), top: Math.min(at.y, window.innerHeight - 280) }}
      onKeyDown={(event) => {
        const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [])];
        const index = items.indexOf(window.document.activeElement as HTMLElement);
        if (event.key === 'Escape') onClose();
        else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
        else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
        else return;
        event.preventDefault();
        event.stopPropagation();
      }}
    >
      {statuses.map((status) => item(`Set status: ${STATUS_LABELS[status]}${status === 'rejected' ? '…' : ''}`, () => commands.onStatus(segment, status)))}
      <hr />
      {item(segment.note ? 'Edit note' : 'Add note', () => commands.onToggleNote(segment))}
      {item('History', () => commands.onHistory(segment))}
      {item('Revert to MT', () => commands.onRevert(segment), !edited)}
    </div>
  );
}

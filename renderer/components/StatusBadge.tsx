import { STATUS_LABELS, type SegmentStatus } from '../../core/model/segment';

export { STATUS_LABELS };

const SYMBOLS: Record<SegmentStatus, string> = {
  not_started: '○',
  edited: '◐',
  confirmed: '✓',
  approved: '✓✓',
  rejected: '✗',
};

/** A sentence's review status: a symbol (so it reads without colour) and its name, with why it was rejected. */
export function StatusBadge({ status, reason }: { status: SegmentStatus; reason?: string | null }) {
  return (
    <span className={`status status-${status}`} data-testid="status" data-status={status} title={reason ? `${STATUS_LABELS[status]}: ${reason}` : STATUS_LABELS[status]}>
      {SYMBOLS[status]}
    </span>
  );
}

import { STATUS_LABELS, type SegmentStatus } from '../../core/model/segment';

export { STATUS_LABELS };

const SYMBOLS: Record<SegmentStatus, string> = {
  not_started: '○',
  edited: '◐',
  confirmed: '✓',
  approved: '✓✓',
  rejected: '✗',
};

/** A sentence's review status: a symbol (so it reads without colour) and its name. */
export function StatusBadge({ status }: { status: SegmentStatus }) {
  return (
    <span className={`status status-${status}`} data-testid="status" data-status={status} title={STATUS_LABELS[status]}>
      {SYMBOLS[status]}
    </span>
  );
}

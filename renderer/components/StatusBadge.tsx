import type { SegmentStatus } from '../../core/model/segment';

export const STATUS_LABELS: Record<SegmentStatus, string> = {
  not_started: 'Not started',
  edited: 'Edited',
  confirmed: 'Confirmed',
  approved: 'Approved',
  rejected: 'Rejected',
};

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

import { useEffect } from 'react';

export interface Notice {
  kind: 'error' | 'info';
  message: string;
  /** One thing to do about it (Undo): the toast goes once it is done. */
  action?: { label: string; run: () => void };
}

/** How long a confirmation stays; an error stays until dismissed or its screen closes. */
const INFO_MS = 6000;

/**
 * A toast over the bottom right of the window: it never moves what is under it, the next one replaces it,
 * and a confirmation expires on its own.
 */
export function NoticeBar({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  useEffect(() => {
    if (notice.kind !== 'info') return;
    const timer = setTimeout(onDismiss, INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div className={`toast notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span>{notice.message}</span>
      {notice.action && (
        <button
          type="button"
          onClick={() => {
            notice.action!.run();
            onDismiss();
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" className="button-quiet" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

import type { SaveState } from './saveQueue';

const LABELS = {
  idle: 'All changes saved',
  unsaved: 'Editing…',
  saving: 'Saving…',
  saved: 'All changes saved',
  error: 'Not saved',
} as const;

/** Tells the editor, at a glance, whether what they typed is safely stored. */
export function SaveIndicator({ state }: { state: SaveState }) {
  return (
    <span
      className={`save-indicator save-${state.status}`}
      role="status"
      data-testid="save-state"
      data-status={state.status}
      title={state.error ? `${state.error} — retrying` : undefined}
    >
      {state.status === 'error' ? `${LABELS.error}: ${state.error ?? ''} (retrying)` : LABELS[state.status]}
    </span>
  );
}

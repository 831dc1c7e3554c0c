export interface Suggestion {
  rule: { find: string; replace: string; wholeWord: boolean; caseSensitive: boolean };
  matches: Array<{ segmentId: number; position: number; before: string; after: string }>;
}

interface PropagationBarProps {
  suggestion: Suggestion;
  onReview: () => void;
  onApplyAll: () => void;
  onDismiss: () => void;
}

/** "One fix, everywhere": after a correction, offers it for the other sentences that have the same words. */
export function PropagationBar({ suggestion, onReview, onApplyAll, onDismiss }: PropagationBarProps) {
  const { rule, matches } = suggestion;
  return (
    <div className="action-bar" role="status" data-testid="propagation-bar">
      <span>
        You changed “<strong>{rule.find}</strong>” to “<strong>{rule.replace}</strong>”.
      </span>
      <button type="button" onClick={onReview}>
        Review {matches.length} more…
      </button>
      <button type="button" className="button-primary" onClick={onApplyAll}>
        Apply to {matches.length} more
      </button>
      <button type="button" className="button-quiet" onClick={onDismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

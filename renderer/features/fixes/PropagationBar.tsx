export interface Suggestion {
  rule: { find: string; replace: string; wholeWord: boolean; caseSensitive: boolean };
  /** The first sentences it would change, in document order. */
  matches: Array<{ segmentId: number; position: number; before: string; after: string }>;
  /** More would change than `matches` holds: the whole list is read when the editor reviews or applies. */
  more: boolean;
  /** Words of the replacement the speller flags in the corrected sentence: applying would spread them. */
  misspelt: string[];
  /** What the name-variant check says of a name the replacement puts in, when another spelling is usual. */
  variants: string[];
  /** The dictionary was still being built when the offer was made: `misspelt` is asked again once it is. */
  spellingPending: boolean;
  /** The find is a short common word whose right form depends on each sentence (not a misspelling's fix). */
  dependsOnSentence: boolean;
}

/**
 * Whether applying the offer may spread a slip — a short common word whose fix depends on its sentence, a word not
 * in the dictionary, a name spelled otherwise, or a spelling not checked yet (the dictionary is still being built)
 * — so that it is reviewed first.
 */
type Doubts = Pick<Suggestion, 'rule' | 'misspelt' | 'variants' | 'spellingPending' | 'dependsOnSentence'>;

export const isDoubted = (offer: Doubts): boolean =>
  offer.misspelt.length > 0 || offer.variants.length > 0 || offer.spellingPending || offer.dependsOnSentence;

/**
 * Each doubt of an offer as a sentence: a short common word (whose fix depends on each sentence), the words the
 * speller flags, a spelling not checked yet, each name variant.
 */
function doubtSentences(offer: Doubts): { context: string | null; misspelt: string | null; pending: string | null; variants: string[] } {
  const { misspelt, rule } = offer;
  return {
    context: offer.dependsOnSentence ? `“${rule.find}” is a short, common word: whether the change fits depends on each sentence.` : null,
    misspelt: misspelt.length > 0 ? `${misspelt.map((word) => `“${word}”`).join(', ')} ${misspelt.length === 1 ? 'is' : 'are'} not in the dictionary.` : null,
    pending: offer.spellingPending ? 'Its spelling is not checked yet.' : null,
    variants: offer.variants.map((variant) => `${variant}.`),
  };
}

/** The doubts of an offer as its bar says them, for the review that Alt+Enter opens instead of applying; undefined when none. */
export function doubtsOf(offer: Doubts): string | undefined {
  if (!isDoubted(offer)) return undefined;
  const { context, misspelt, pending, variants } = doubtSentences(offer);
  return `Check before applying: ${[context, misspelt, pending, ...variants].filter((said) => said !== null).join(' ')}`;
}

interface PropagationBarProps {
  suggestion: Suggestion;
  onReview: () => void;
  onApplyAll: () => void;
  onDismiss: () => void;
}

/** "One fix, everywhere": after a correction, offers it for the other sentences that have the same words. */
export function PropagationBar({ suggestion, onReview, onApplyAll, onDismiss }: PropagationBarProps) {
  const { rule, matches, more } = suggestion;
  const doubts = doubtSentences(suggestion);
  // Unseen sentences, or a replacement doubted: reviewing is the first choice, not applying. A doubted one is
  // reviewed by Alt+Enter too (DocumentScreen), so one key never spreads a typo.
  const doubted = isDoubted(suggestion);
  const reviewFirst = more || doubted;
  // "50+": more than the sentences read for the offer would change, all of them when applied.
  const count = `${matches.length}${more ? '+' : ''}`;
  return (
    <div className="action-bar" role="status" data-testid="propagation-bar">
      <span>
        {rule.replace === '' ? (
          <>
            You deleted “<strong title={rule.find}>{rule.find}</strong>”.
          </>
        ) : (
          <>
            You changed “<strong title={rule.find}>{rule.find}</strong>” to “<strong title={rule.replace}>{rule.replace}</strong>”.
          </>
        )}
        {doubts.context && (
          <span className="propagation-warning" data-testid="propagation-context">
            {' '}
            {doubts.context}
          </span>
        )}
        {doubts.misspelt && (
          <span className="propagation-warning" data-testid="propagation-misspelt">
            {' '}
            {doubts.misspelt}
          </span>
        )}
        {doubts.pending && (
          <span className="muted" data-testid="propagation-pending">
            {' '}
            {doubts.pending}
          </span>
        )}
        {doubts.variants.map((said) => (
          <span key={said} className="propagation-warning" data-testid="propagation-variant">
            {' '}
            {said}
          </span>
        ))}
      </span>
      <button
        type="button"
        className={reviewFirst ? 'button-primary' : undefined}
        onClick={onReview}
        title={`${more ? `More than ${matches.length} other sentences have it; all are listed` : 'Lists the sentences it would change'} (${doubted ? 'Alt+Enter, ' : ''}Alt+Shift+Enter)`}
        aria-keyshortcuts={doubted ? 'Alt+Enter Alt+Shift+Enter' : 'Alt+Shift+Enter'}
      >
        Review {count} more…
        {doubted && (
          <>
            {' '}
            <kbd>Alt+Enter</kbd>
          </>
        )}
      </button>
      <button
        type="button"
        className={reviewFirst ? undefined : 'button-primary'}
        onClick={onApplyAll}
        title={`${more ? `Applies to every other sentence that has it (more than ${matches.length})` : 'Applies it to those sentences'}${doubted ? '' : ' (Alt+Enter)'}`}
        aria-keyshortcuts={doubted ? undefined : 'Alt+Enter'}
        aria-label={`Apply to ${count} more`}
      >
        Apply to {count} more
        {!doubted && (
          <>
            {' '}
            <kbd>Alt+Enter</kbd>
          </>
        )}
      </button>
      <button type="button" className="button-quiet" onClick={onDismiss} aria-label="Dismiss" title="Dismiss (Esc)" aria-keyshortcuts="Escape">
        ×
      </button>
    </div>
  );
}

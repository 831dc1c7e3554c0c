import { applyRule, mineRules, type ReplacementRule } from '../core/fixes';
import { RedlineError } from '../core/model/errors';
import type { Clock } from '../db/clock';
import type { Store } from '../db/store';
import type { BatchOutcome, BatchService } from './batchService';
import type { FixPreview } from './checkService';

/** A correction worth repeating, and the sentences it would change. */
export interface Suggestion {
  rule: Required<ReplacementRule>;
  matches: FixPreview[];
}

const complete = (rule: ReplacementRule): Required<ReplacementRule> => ({
  find: rule.find,
  replace: rule.replace,
  wholeWord: rule.wholeWord ?? true,
  caseSensitive: rule.caseSensitive ?? true,
});

export function propagationService(store: Store, batches: BatchService, clock: Clock) {
  /** The sentences of a document (but one) that a rule would change, with their text before and after. */
  function matches(documentId: number, rule: ReplacementRule, except: number | null): FixPreview[] {
    const found: FixPreview[] = [];
    // Through the full-text index when the rule's words can be looked up there; else every sentence is read.
    const rows = store.ruleCandidates.candidates(documentId, rule.find, rule.wholeWord ?? true) ?? store.segments.texts(documentId);
    for (const row of rows) {
      if (row.id === except) continue;
      const after = applyRule(row.text, rule);
      if (after !== null) {
        found.push({ segmentId: row.id, position: row.position, before: row.text, after, ...(row.locked && { locked: true }) });
      }
    }
    return found;
  }

  return {
    matches,

    /** What the editor just changed in a sentence (before → after), offered for the other sentences. */
    suggest(segmentId: number, before: string, after: string): Suggestion[] {
      const segment = store.segments.get(segmentId);
      if (!segment) throw new RedlineError('not_found', `There is no segment with id ${segmentId}.`);
      return mineRules(before, after)
        .map((rule) => ({ rule: complete(rule), matches: matches(segment.documentId, rule, segmentId) }))
        .filter((suggestion) => suggestion.matches.length > 0);
    },

    /**
     * Applies a correction to the chosen sentences in one batch, and keeps it in the fix memory so later
     * documents can be offered it too.
     */
    apply(documentId: number, rule: ReplacementRule, segmentIds: readonly number[]): BatchOutcome {
      const chosen = new Set(segmentIds);
      const changes = matches(documentId, rule, null).filter((m) => chosen.has(m.segmentId));
      return store.transaction(() => {
        const outcome = batches.apply(
          documentId,
          'propagated',
          `Apply “${rule.find}” → “${rule.replace}” (${changes.length})`,
          'propagated',
          changes,
        );
        store.fixRules.learn(complete(rule), outcome.segments.length, clock());
        return outcome;
      });
    },
  };
}

export type PropagationService = ReturnType<typeof propagationService>;

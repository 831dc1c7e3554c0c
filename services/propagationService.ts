import type { Flag } from '../core/checks/types';
import { applyRule, isShortCommonWord, mineRules, type ReplacementRule } from '../core/fixes';
import { misspeltReplacement, variantReplacement } from '../core/fixes/misspeltReplacement';
import { RedlineError } from '../core/model/errors';
import type { LockReason } from '../core/model/segment';
import { mapSteps, runToEnd, type StepProgress, type Steps } from '../core/model/steps';
import type { Clock } from '../db/clock';
import type { Store } from '../db/store';
import { PLANNED_A_STEP, type BatchOutcome, type BatchService } from './batchService';
import type { FixPreview } from './checkService';

/**
 * Sentences offered with a suggestion at most: it is made each time the editor leaves an edited sentence, so
 * it reads that many matches, however many sentences use the words. Past it the offer says "more" and the
 * whole list is read when the editor asks for it (preview) — an explicit step, as replace all is.
 */
export const OFFERED_MATCHES = 50;

/**
 * Candidates read from the index a step at a time, at most. A read that wants the first few matches starts
 * with a chunk of about that many (most candidates match: the index only folds case and accents) and doubles
 * it while matches are still missing: reading 256 candidates (text and all) to offer 50 cost 1 ms at 100k
 * sentences, four times the 50 themselves.
 */
const CHUNK = 256;

/** A correction worth repeating, and the first sentences it would change, in document order. */
export interface Suggestion {
  rule: Required<ReplacementRule>;
  matches: FixPreview[];
  /** More sentences than `matches` would change: the offer says so, and `preview` lists them all. */
  more: boolean;
  /** Words of the replacement the speller flags in the corrected sentence: applied, the offer would spread a typo. */
  misspelt: string[];
  /**
   * What the name-variant check says of a name the replacement puts in whose usual spelling in the document is
   * another (`“Almatyy” is also spelled “Almaty” (5×) in this document`): a slip in a name, which no dictionary has.
   */
  variants: string[];
  /**
   * The document's dictionary is still being built (its first seconds open): `misspelt` cannot name a typo yet.
   * The window asks again once it is.
   */
  spellingPending: boolean;
  /**
   * The find is a short common word (isShortCommonWord: `in` → `on`), whose right form depends on each sentence,
   * not a misspelling (`teh` → `the`), which is wrong wherever it stands: the offer is reviewed first.
   */
  dependsOnSentence: boolean;
}

/** The flags of a sentence's text as the editor sees them (checkService.segment: a live check of one sentence). */
export type SentenceFlags = (segmentId: number, text: string) => Flag[];

const complete = (rule: ReplacementRule): Required<ReplacementRule> => ({
  find: rule.find,
  replace: rule.replace,
  wholeWord: rule.wholeWord ?? true,
  caseSensitive: rule.caseSensitive ?? true,
});

export function propagationService(
  store: Store,
  batches: BatchService,
  clock: Clock,
  sentenceFlags: SentenceFlags,
  spellingLoading: (documentId: number) => boolean = () => false,
) {
  /**
   * The sentences that may change, in document order, a chunk at a time: through the full-text index when the
   * rule's words can be looked up there, else every sentence, read by position.
   */
  function* candidates(
    documentId: number,
    rule: ReplacementRule,
    firstChunk = CHUNK,
  ): Generator<{ id: number; position: number; text: string; lockedBy: LockReason | null }> {
    let afterId = 0;
    for (let chunk = Math.min(CHUNK, Math.max(1, firstChunk)); ; chunk = Math.min(CHUNK, 2 * chunk)) {
      const rows = store.ruleCandidates.candidates(documentId, rule.find, rule.wholeWord ?? true, { afterId, limit: chunk });
      if (rows === null) break;
      yield* rows;
      if (rows.length < chunk) return;
      afterId = rows.at(-1)!.id;
    }
    for (let offset = 0; ; offset += CHUNK) {
      const rows = store.segments.page(documentId, offset, CHUNK);
      for (const row of rows) yield { id: row.id, position: row.position, text: row.currentText, lockedBy: row.lockedBy };
      if (rows.length < CHUNK) return;
    }
  }

  /** A sentence's text before and after a rule; null when the rule does not change it. */
  const matchOf = (row: { id: number; position: number; text: string; lockedBy: LockReason | null }, rule: ReplacementRule): FixPreview | null => {
    const after = applyRule(row.text, rule);
    return after === null ? null : { segmentId: row.id, position: row.position, before: row.text, after, ...(row.lockedBy && { locked: row.lockedBy }) };
  };

  /**
   * The sentences of a document (but one) that a rule would change, with their text before and after, in
   * document order; with `limit`, the first that many, and whether more follow.
   */
  function firstMatches(documentId: number, rule: ReplacementRule, except: number | null, limit = Infinity): { matches: FixPreview[]; more: boolean } {
    const found: FixPreview[] = [];
    // `limit` matches, one more to tell whether there are more, and the sentence left out.
    for (const row of candidates(documentId, rule, limit + 2)) {
      if (row.id === except) continue;
      const match = matchOf(row, rule);
      if (match === null) continue;
      if (found.length === limit) return { matches: found, more: true };
      found.push(match);
    }
    return { matches: found, more: false };
  }

  /**
   * Whether the words a rule replaces are misspelt in `text`, the sentence `segmentId` as it reads with them
   * (misspeltReplacement asks it of any words: here the find's). Checks that one sentence.
   */
  const replacesMisspelling = (rule: ReplacementRule, segmentId: number, text: string): boolean =>
    misspeltReplacement(rule.find, text, sentenceFlags(segmentId, text)).length > 0;

  /** Every sentence of a document (but one) that a rule would change, with its text before and after. */
  const matches = (documentId: number, rule: ReplacementRule, except: number | null): FixPreview[] =>
    firstMatches(documentId, rule, except).matches;

  /**
   * Applies a correction to the chosen sentences in one batch, a few sentences a step (see batchService), and
   * keeps it in the fix memory so later documents can be offered it too. The rule is applied afresh to the chosen
   * sentences (only those are read).
   */
  function applySteps(documentId: number, rule: ReplacementRule, segmentIds: readonly number[]): Steps<StepProgress, BatchOutcome> {
    return (function* () {
      const changes = yield* mapSteps(
        [...new Set(segmentIds)],
        (id) => {
          const segment = store.segments.get(id);
          if (segment?.documentId !== documentId) throw new RedlineError('bad_input', `Segment ${id} is not part of document ${documentId}.`);
          return matchOf({ id, position: segment.position, text: segment.currentText, lockedBy: segment.lockedBy }, rule);
        },
        PLANNED_A_STEP,
      );
      changes.sort((a, b) => a.position - b.position);
      const outcome = yield* batches.applySteps(documentId, 'propagated', (count) => `Apply “${rule.find}” → “${rule.replace}” (${count})`, 'propagated', changes);
      // A short common word's fix depends on its sentence (isShortCommonWord): applied here, chosen sentence by
      // sentence, but not kept for later documents, whose sentences nobody has looked at. A misspelling's fix
      // (`teh` → `the`) is kept: one changed sentence as it read before tells which it is.
      const first = changes[0];
      const kept = !isShortCommonWord(rule) || (first !== undefined && replacesMisspelling(rule, first.segmentId, first.before));
      if (kept) store.transaction(() => store.fixRules.learn(complete(rule), outcome.segments.length, clock()));
      return outcome;
    })();
  }

  /** Every other sentence of the segment's document that a rule would change, the candidates read a chunk a step. */
  function previewSteps(segmentId: number, rule: ReplacementRule): Steps<StepProgress, FixPreview[]> {
    const segment = store.segments.get(segmentId);
    if (!segment) throw new RedlineError('not_found', `There is no segment with id ${segmentId}.`);
    return (function* () {
      const found: FixPreview[] = [];
      let read = 0;
      for (const row of candidates(segment.documentId, rule)) {
        if (++read % CHUNK === 0) yield { done: read, total: 0 };
        if (row.id === segmentId) continue;
        const match = matchOf(row, rule);
        if (match !== null) found.push(match);
      }
      return found;
    })();
  }

  return {
    matches,

    /**
     * What the editor just changed in a sentence (before → after), offered for the other sentences: per rule,
     * the first OFFERED_MATCHES sentences it would change in document order, and whether there are more.
     */
    suggest(segmentId: number, before: string, after: string): Suggestion[] {
      const segment = store.segments.get(segmentId);
      if (!segment) throw new RedlineError('not_found', `There is no segment with id ${segmentId}.`);
      const offers = mineRules(before, after)
        .map((rule) => ({ rule: complete(rule), ...firstMatches(segment.documentId, rule, segmentId, OFFERED_MATCHES) }))
        .filter((suggestion) => suggestion.matches.length > 0);
      // The corrected sentence checked now (not its stored flags, which may not be written yet): one sentence.
      const flags = offers.length > 0 ? sentenceFlags(segmentId, after) : [];
      const spellingPending = offers.length > 0 && spellingLoading(segment.documentId);
      // The sentence as it read before, checked once and only if a short common word's offer asks of it.
      let beforeFlags: Flag[] | undefined;
      const misspeltBefore = (rule: ReplacementRule) =>
        misspeltReplacement(rule.find, before, (beforeFlags ??= sentenceFlags(segmentId, before))).length > 0;
      return offers.map((offer) => ({
        ...offer,
        misspelt: misspeltReplacement(offer.rule.replace, after, flags),
        variants: variantReplacement(offer.rule.find, offer.rule.replace, after, flags),
        spellingPending,
        dependsOnSentence: isShortCommonWord(offer.rule) && !misspeltBefore(offer.rule),
      }));
    },

    /** Every other sentence of the segment's document that a suggested rule would change (the whole offer). */
    preview: (segmentId: number, rule: ReplacementRule): FixPreview[] => runToEnd(previewSteps(segmentId, rule)),
    previewSteps,

    /**
     * Applies a correction to the chosen sentences in one batch, and keeps it in the fix memory so later
     * documents can be offered it too.
     */
    apply: (documentId: number, rule: ReplacementRule, segmentIds: readonly number[]): BatchOutcome => batches.run(applySteps(documentId, rule, segmentIds)),
    applySteps,
  };
}

export type PropagationService = ReturnType<typeof propagationService>;

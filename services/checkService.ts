import { CHECKS, checkDocument, checkSentence, fixSentence, shownByDefault } from '../core/checks';
import { isIgnored } from '../core/checks/ignoredFlags';
import type { CheckId, CheckOptions, CheckedSentence, Flag } from '../core/checks/types';
import { RedlineError } from '../core/model/errors';
import type { LockReason } from '../core/model/segment';
import { mapSteps, runToEnd, type StepProgress, type Steps } from '../core/model/steps';
import type { Clock } from '../db/clock';
import type { SegmentText } from '../db/repositories/segments';
import type { Store } from '../db/store';
import { PLANNED_A_STEP, type BatchOutcome, type BatchService, type PlannedChange } from './batchService';
import type { DocumentOptions } from './checkOptions';
import type { CheckSetting, Languages } from '../core/checks/types';
import type { StoredFlagsService } from './storedFlags';

/** The flags of one sentence, with what locates it. */
export interface SegmentFlags {
  segmentId: number;
  position: number;
  flags: Flag[];
}

export interface DocumentChecks {
  /** Flags per check over the whole document (ignored ones not counted). */
  counts: Partial<Record<CheckId, number>>;
  /** Only the sentences that have flags, in order. */
  segments: SegmentFlags[];
}

/** What the window shows of a document's flags without reading them all. */
export interface FlagSummary {
  /** Flags per check over the whole document (ignored ones not counted). */
  counts: Partial<Record<CheckId, number>>;
  /** Sentences with at least one flag. */
  flagged: number;
}

/** A change a bulk fix would make, as the preview shows it. */
export interface FixPreview extends PlannedChange {
  position: number;
  /** Why the sentence's text never changes here (the file locks it, or it is too long): shown, but applying leaves it alone (and says so). */
  locked?: LockReason;
}

const titleOf = (check: CheckId) => CHECKS.find((c) => c.id === check)?.title ?? check;

/** Flagged sentences a page holds at most. */
const FLAGGED_PAGE = 500;
/** Sentences a "fix all" preview fixes a step (each about 0.1 ms, up to ten checks of the sentence). */
const FIXES_A_STEP = 100;

export function checkService(store: Store, batches: BatchService, clock: Clock, stored: StoredFlagsService, options: DocumentOptions) {
  function rowsOf(documentId: number): SegmentText[] {
    if (!store.documents.summary(documentId)) {
      throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    }
    return store.segments.texts(documentId);
  }

  const sentencesOf = (rows: readonly SegmentText[]): CheckedSentence[] =>
    rows.map((row) => ({ paragraph: row.paragraph, text: row.text, source: row.source, taggedMt: row.taggedMt }));

  /** What a document is checked with (its languages, dictionary, glossary, word list and settings). */
  const optionsFor = (documentId: number, _sentences?: readonly CheckedSentence[], glossary?: CheckOptions['glossary']): CheckOptions =>
    glossary ? { ...options.of(documentId), glossary } : options.of(documentId);

  /** Every sentence of a document with its flags (none hidden), for the CLI's report, and the languages used. */
  function everySentence(documentId: number, glossary?: CheckOptions['glossary']) {
    const rows = rowsOf(documentId);
    const sentences = sentencesOf(rows);
    const opts = optionsFor(documentId, sentences, glossary);
    const flags = checkDocument(sentences, opts);
    return {
      languages: { source: opts.languages?.source ?? null, target: opts.languages?.target ?? null },
      sentences: rows.map((row, i) => ({ position: row.position, paragraph: row.paragraph, text: row.text, flags: flags[i] ?? [] })),
    };
  }

  /** Throws not_found for an unknown document, reading one row (no aggregate). */
  function mustExist(documentId: number): void {
    if (!store.documents.exists(documentId)) {
      throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    }
  }

  /** The sentence, and its document's current check context with the sentence's place in it. */
  function locateInContext(segmentId: number) {
    const segment = store.segments.get(segmentId);
    if (!segment) throw new RedlineError('not_found', `There is no segment with id ${segmentId}.`);
    const { ctx, indexOf } = stored.context(segment.documentId);
    return { segment, ctx, index: indexOf.get(segmentId) ?? segment.position - 1 };
  }

  function visible(flags: Flag[], text: string, ignored: Set<string> | undefined): Flag[] {
    return ignored && ignored.size > 0 ? flags.filter((flag) => !isIgnored(flag, text, ignored)) : flags;
  }

  /**
   * What "fix all" of one check would change: the sentences whose stored flags include that check (as the flags
   * panel shows them: ignored flags are not stored), each fixed in the document's kept context, FIXES_A_STEP a
   * step (the app runs the steps between requests: a check that flags every sentence of a book fixes 100k). It
   * costs those sentences, not the document (it checked every sentence from scratch). Stale flags are brought up
   * to date first (the app checks a stale document whole in its worker before asking).
   */
  function previewAllSteps(documentId: number, check: CheckId): Steps<StepProgress, FixPreview[]> {
    mustExist(documentId);
    stored.ensure(documentId);
    return fixesSteps(documentId, check, store.flags.sentencesWith(documentId, check));
  }

  /**
   * Each sentence fixed for a check in the document's kept context (taken afresh each step: a save between steps
   * patches it), with its text now; sentences no fix changes are left out.
   */
  function* fixesSteps(
    documentId: number,
    check: CheckId,
    rows: ReadonlyArray<{ segmentId: number; position: number; lockedBy: LockReason | null }>,
  ): Steps<StepProgress, FixPreview[]> {
    const opts = optionsFor(documentId);
    const changes: FixPreview[] = [];
    for (let start = 0; start < rows.length; start += FIXES_A_STEP) {
      const { ctx, indexOf } = stored.context(documentId);
      for (const row of rows.slice(start, start + FIXES_A_STEP)) {
        const index = indexOf.get(row.segmentId);
        if (index === undefined) continue;
        const before = ctx.sentences[index]!.text;
        const ignored = store.ignoredFlags.ofSegment(row.segmentId);
        const after = fixSentence(ctx.sentences, index, check, opts, (flag, text) => isIgnored(flag, text, ignored));
        if (after !== null && after !== before) {
          changes.push({ segmentId: row.segmentId, position: row.position, before, after, ...(row.lockedBy && { locked: row.lockedBy }) });
        }
      }
      if (start + FIXES_A_STEP < rows.length) yield { done: start + FIXES_A_STEP, total: rows.length };
    }
    return changes;
  }

  const previewAll = (documentId: number, check: CheckId): FixPreview[] => runToEnd(previewAllSteps(documentId, check));


  /** The stored flag counts and every flagged sentence, a page at a time from the store's index. */
  function storedAnswer(documentId: number): DocumentChecks {
    const segments: SegmentFlags[] = [];
    for (let after = 0; ; ) {
      const page = store.flags.flagged(documentId, after, FLAGGED_PAGE);
      segments.push(...page);
      if (page.length < FLAGGED_PAGE) break;
      after = page[page.length - 1]!.position;
    }
    return { counts: store.flags.counts(documentId) as DocumentChecks['counts'], segments };
  }

  function storedSummary(documentId: number): FlagSummary {
    return { counts: store.flags.counts(documentId) as FlagSummary['counts'], flagged: store.flags.flaggedSentences(documentId) };
  }

  /**
   * "Fix all" of a check on the chosen sentences, as one undoable batch: each chosen sentence fixed afresh (only
   * those are read), then written a few sentences a step (see batchService).
   */
  function applyAllSteps(documentId: number, check: CheckId, segmentIds: readonly number[]): Steps<StepProgress, BatchOutcome> {
    mustExist(documentId);
    stored.ensure(documentId);
    return (function* () {
      const rows = yield* mapSteps(
        [...new Set(segmentIds)],
        (id) => {
          const segment = store.segments.get(id);
          if (segment?.documentId !== documentId) throw new RedlineError('bad_input', `Segment ${id} is not part of document ${documentId}.`);
          return { segmentId: id, position: segment.position, lockedBy: segment.lockedBy };
        },
        PLANNED_A_STEP,
      );
      rows.sort((a, b) => a.position - b.position);
      const changes = yield* fixesSteps(documentId, check, rows);
      return yield* batches.applySteps(documentId, 'fix', (count) => `Fix all: ${titleOf(check)} (${count})`, 'fix', changes);
    })();
  }


  return {
    everySentence,
    /**
     * The document's flag counts and its flagged sentences, read from the store (kept by every write); a
     * document never checked (or checked with another glossary) is checked whole first, once.
     */
    document(documentId: number): DocumentChecks {
      mustExist(documentId);
      stored.ensure(documentId);
      return storedAnswer(documentId);
    },

    /**
     * The document's flag counts and how many sentences are flagged, read from the store (kept by every write); a
     * document never checked (or checked with another glossary) is checked whole first, once.
     */
    summary(documentId: number): FlagSummary {
      mustExist(documentId);
      stored.ensure(documentId);
      return storedSummary(documentId);
    },

    /**
     * The counts as stored, current or not (none when never checked): what the window shows, marked pending,
     * while the document is checked whole in the background — after a write that marked them stale, the
     * counts from before it rather than none. Like every read below, it never checks anything.
     */
    storedSummary(documentId: number): FlagSummary {
      mustExist(documentId);
      return storedSummary(documentId);
    },

    /** The stored flags of the sentences at positions from…to (the rows on screen): only the flagged ones. */
    storedInRange(documentId: number, from: number, to: number): SegmentFlags[] {
      mustExist(documentId);
      return store.flags.inRange(documentId, from, to);
    },

    /** The positions of the flagged sentences as stored (the grid's flag filter): all, or those with a flag of `check`. */
    storedPositions(documentId: number, check?: CheckId): number[] {
      mustExist(documentId);
      return store.flags.positions(documentId, check);
    },

    /**
     * Steps that build a checked document's context ahead of its first save, for the app to run between requests
     * (services/contextWarming.ts); null when there is nothing to build.
     */
    warm: (documentId: number) => stored.warm(documentId),

    /** Whether the document's stored flags are there and current (its first whole check has run). Only reads. */
    isChecked(documentId: number): boolean {
      mustExist(documentId);
      return stored.isChecked(documentId);
    },

    /**
     * Whether the document's stored flags are current, once the few writes that awaited their check (saved while
     * its dictionary was being built) are checked, if they can be now: what decides whether it is checked whole.
     */
    catchUp(documentId: number): boolean {
      mustExist(documentId);
      return stored.catchUp(documentId);
    },

    /** The nearest flagged sentence as stored after (F8) or before (Shift+F8) a position; null when there is none. */
    nearest(documentId: number, position: number, direction: 'next' | 'previous') {
      mustExist(documentId);
      return store.flags.nearest(documentId, position, direction);
    },

    /**
     * The flags of a sentence as the editor is typing it, in the document's context kept by the stored flags
     * (current by the newest revision, so no row but this one is read).
     */
    segment(segmentId: number, text: string): Flag[] {
      const { segment, ctx, index } = locateInContext(segmentId);
      const opts = optionsFor(segment.documentId);
      const flags = checkSentence(ctx.sentences, index, text, opts).filter((flag) => shownByDefault(flag, opts));
      return visible(flags, text, store.ignoredFlags.ofSegment(segment.id));
    },

    /** Ignores a flag of a sentence (or shows it again): the flag of `check` on `words`, the text it flags. */
    ignore(segmentId: number, check: CheckId, words: string, ignored: boolean): void {
      const segment = store.segments.get(segmentId);
      if (!segment) throw new RedlineError('not_found', `There is no segment with id ${segmentId}.`);
      store.transaction(() => {
        store.ignoredFlags.set(segmentId, check, words, ignored, clock());
        stored.afterIgnore(segment.documentId, segmentId);
      });
    },

    /** How many flags of a sentence's current text the editor's ignores hide (those the default view would show). */
    ignoredCount(segmentId: number): number {
      if (!store.segments.get(segmentId)) throw new RedlineError('not_found', `There is no segment with id ${segmentId}.`);
      if (store.ignoredFlags.count(segmentId) === 0) return 0;
      const { segment, ctx, index } = locateInContext(segmentId);
      const opts = optionsFor(segment.documentId);
      const text = segment.currentText;
      const shown = checkSentence(ctx.sentences, index, text, opts).filter((flag) => shownByDefault(flag, opts));
      return shown.length - visible(shown, text, store.ignoredFlags.ofSegment(segmentId)).length;
    },

    /**
     * Shows again every flag ignored on a sentence, long after the toast that could undo the ignore has gone,
     * and the whole kinds earlier releases ignored; how many ignores it took back.
     */
    showIgnored(segmentId: number): number {
      const segment = store.segments.get(segmentId);
      if (!segment) throw new RedlineError('not_found', `There is no segment with id ${segmentId}.`);
      return store.transaction(() => {
        const cleared = store.ignoredFlags.clear(segmentId);
        if (cleared > 0) stored.afterIgnore(segment.documentId, segmentId);
        return cleared;
      });
    },

    /** Applies the fix of one flag, found again on the sentence's current text, as a batch of one. */
    fixOne(segmentId: number, check: CheckId, start: number, end: number): BatchOutcome {
      const { segment, ctx, index } = locateInContext(segmentId);
      const flag = checkSentence(ctx.sentences, index, segment.currentText, optionsFor(segment.documentId)).find(
        (f) => f.check === check && f.start === start && f.end === end,
      );
      // An empty fix is a fix: a sentence that is only "…" is emptied.
      if (flag?.fix === undefined) {
        throw new RedlineError('bad_input', 'That flag is no longer there (the sentence changed), or it has no fix.');
      }
      return batches.apply(segment.documentId, 'fix', `Fix: ${titleOf(check)}`, 'fix', [
        { segmentId, before: segment.currentText, after: flag.fix },
      ]);
    },

    previewAll,
    previewAllSteps,

    /** The languages as chosen (null: detect) and as the checks use them (detected from the first sentences, kept). */
    languages(documentId: number): { stored: Languages; used: Languages } {
      mustExist(documentId);
      return { stored: store.checkSettings.languages(documentId), used: options.languages(documentId) };
    },
    setLanguages(documentId: number, languages: Languages): void {
      mustExist(documentId);
      store.checkSettings.setLanguages(documentId, languages);
      options.forget(documentId);
    },
    /** "Add to dictionary": spelling never flags the word again, in any document. */
    addWord(word: string): void {
      const trimmed = word.trim();
      if (trimmed.length === 0 || trimmed.length > 100 || /\s/u.test(trimmed)) {
        throw new RedlineError('bad_input', 'A dictionary word is one word of at most 100 characters.');
      }
      store.checkSettings.addWord(trimmed, clock());
    },
    words: () => store.checkSettings.words(),
    removeWord: (word: string) => store.checkSettings.removeWord(word),
    settings: (documentId: number | null) => store.checkSettings.settings(documentId),
    setSetting(documentId: number | null, check: CheckId, setting: CheckSetting | null): void {
      if (documentId !== null) rowsOf(documentId);
      store.checkSettings.setSetting(documentId, check, setting, clock());
    },

    /** Applies the fixes of one check to the chosen sentences (as previewed) in one batch. */
    applyAll: (documentId: number, check: CheckId, segmentIds: readonly number[]): BatchOutcome => batches.run(applyAllSteps(documentId, check, segmentIds)),
    applyAllSteps,
  };
}

export type CheckService = ReturnType<typeof checkService>;

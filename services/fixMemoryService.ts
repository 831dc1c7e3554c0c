import { basename } from 'node:path';
import { applyRule } from '../core/fixes';
import { parseCsv, toCsv } from '../core/formats/csv';
import { RedlineError } from '../core/model/errors';
import { mapSteps, runToEnd, type StepProgress, type Steps } from '../core/model/steps';
import type { FixRule, NewFixRule } from '../core/model/fixRule';
import type { Clock } from '../db/clock';
import type { Store } from '../db/store';
import { PLANNED_A_STEP, type BatchOutcome, type BatchService } from './batchService';
import type { FixPreview } from './checkService';
import { readInputFile, writeFileAtomically } from './files';
import { decodeTextFile } from './textFile';

/** A sentence the fix memory would change, and which rules do it. */
export interface MemoryPreview extends FixPreview {
  ruleIds: number[];
}

/** Sentences a preview step reads. */
const PREVIEW_PAGE = 500;

const CSV_COLUMNS = ['find', 'replace', 'whole_word', 'case_sensitive', 'enabled'] as const;

const yes = (value: string | undefined, fallback: boolean): boolean => {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return fallback;
  if (['1', 'true', 'yes', 'y'].includes(v)) return true;
  if (['0', 'false', 'no', 'n'].includes(v)) return false;
  throw new Error(`“${value}” is not yes/no`);
};

export function fixMemoryService(store: Store, batches: BatchService, clock: Clock) {
  function get(id: number): FixRule {
    const rule = store.fixRules.get(id);
    if (!rule) throw new RedlineError('not_found', `There is no fix memory rule with id ${id}.`);
    return rule;
  }

  /** A sentence's text with the enabled rules applied in turn, and the rules that changed it; null when none did. */
  function fixed(text: string, rules: readonly FixRule[]): { after: string; ruleIds: number[] } | null {
    let after = text;
    const ruleIds: number[] = [];
    for (const rule of rules) {
      const next = applyRule(after, rule);
      if (next !== null) {
        after = next;
        ruleIds.push(rule.id);
      }
    }
    return ruleIds.length > 0 ? { after, ruleIds } : null;
  }

  /**
   * Every sentence the enabled rules would change, all rules applied in turn, the document read a page a step
   * (the app runs the steps between requests: every rule is tried on every sentence of a book).
   */
  function previewSteps(documentId: number): Steps<StepProgress, MemoryPreview[]> {
    if (!store.documents.summary(documentId)) {
      throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    }
    const rules = store.fixRules.list().filter((rule) => rule.enabled);
    const total = store.segments.count(documentId);
    return (function* () {
      const changes: MemoryPreview[] = [];
      for (const page of store.segments.textPages(documentId, PREVIEW_PAGE)) {
        for (const row of page) {
          const change = fixed(row.text, rules);
          if (change) changes.push({ segmentId: row.id, position: row.position, before: row.text, ...change, ...(row.lockedBy && { locked: row.lockedBy }) });
        }
        yield { done: page[page.length - 1]!.position, total };
      }
      return changes;
    })();
  }

  const preview = (documentId: number): MemoryPreview[] => runToEnd(previewSteps(documentId));

  /**
   * `apply` a few sentences a step (see batchService): the rules applied afresh to the chosen sentences (only
   * those are read); each rule's uses are counted once the batch is written.
   */
  function applySteps(documentId: number, segmentIds: readonly number[]): Steps<StepProgress, BatchOutcome> {
    if (!store.documents.summary(documentId)) throw new RedlineError('not_found', `There is no document with id ${documentId}.`);
    const rules = store.fixRules.list().filter((rule) => rule.enabled);
    return (function* () {
      const changes = yield* mapSteps(
        [...new Set(segmentIds)],
        (id): MemoryPreview | null => {
          const segment = store.segments.get(id);
          if (segment?.documentId !== documentId) throw new RedlineError('bad_input', `Segment ${id} is not part of document ${documentId}.`);
          const change = fixed(segment.currentText, rules);
          return change && { segmentId: id, position: segment.position, before: segment.currentText, ...change, ...(segment.lockedBy && { locked: segment.lockedBy }) };
        },
        PLANNED_A_STEP,
      );
      changes.sort((a, b) => a.position - b.position);
      const outcome = yield* batches.applySteps(documentId, 'propagated', (count) => `Fix memory (${count})`, 'propagated', changes);
      const applied = new Set(outcome.segments.map((s) => s.id));
      const uses = new Map<number, number>();
      for (const change of changes) {
        if (applied.has(change.segmentId)) for (const id of change.ruleIds) uses.set(id, (uses.get(id) ?? 0) + 1);
      }
      store.transaction(() => {
        for (const [id, count] of uses) store.fixRules.countUses(id, count, clock());
      });
      return outcome;
    })();
  }


  return {
    list: (): FixRule[] => store.fixRules.list(),

    update(id: number, patch: Partial<NewFixRule>): FixRule {
      const rule = { ...get(id), ...patch };
      if (!rule.find) throw new RedlineError('bad_input', 'A rule needs text to find.');
      try {
        store.fixRules.update(rule, clock());
      } catch (error) {
        if (/UNIQUE/.test(String(error))) throw new RedlineError('bad_input', `There is already a rule for “${rule.find}”.`);
        throw error;
      }
      return get(id);
    },

    remove(id: number): void {
      if (!store.fixRules.remove(id)) throw new RedlineError('not_found', `There is no fix memory rule with id ${id}.`);
    },

    preview,
    previewSteps,

    /** Applies the fix memory to the chosen sentences (as previewed) in one batch, and counts each rule's uses. */
    apply: (documentId: number, segmentIds: readonly number[]): BatchOutcome => batches.run(applySteps(documentId, segmentIds)),
    applySteps,

    exportCsv(path: string): { path: string; count: number } {
      const rules = store.fixRules.list();
      const csv = toCsv(
        CSV_COLUMNS,
        rules.map((r) => ({
          find: r.find,
          replace: r.replace,
          whole_word: r.wholeWord ? 'yes' : 'no',
          case_sensitive: r.caseSensitive ? 'yes' : 'no',
          enabled: r.enabled ? 'yes' : 'no',
        })),
      );
      writeFileAtomically(path, Buffer.from(csv, 'utf8'));
      return { path, count: rules.length };
    },

    /** Reads rules from a CSV (columns find, replace, and optionally whole_word, case_sensitive, enabled). */
    importCsv(path: string): { count: number } {
      const name = basename(path);
      const records = parseCsv(decodeTextFile(readInputFile(path), name).text, name);
      if (records.length > 0 && !('find' in records[0]! && 'replace' in records[0]!)) {
        throw new RedlineError('bad_input', `${name} needs the columns “find” and “replace”.`);
      }
      const rules = records.map((record, i): NewFixRule => {
        const line = i + 2;
        if (!record.find?.trim()) throw new RedlineError('bad_input', `${name}, line ${line}: “find” is empty.`);
        try {
          return {
            find: record.find,
            replace: record.replace ?? '',
            wholeWord: yes(record.whole_word, true),
            caseSensitive: yes(record.case_sensitive, true),
            enabled: yes(record.enabled, true),
          };
        } catch (error) {
          throw new RedlineError('bad_input', `${name}, line ${line}: ${(error as Error).message}.`);
        }
      });
      store.transaction(() => rules.forEach((rule) => store.fixRules.learn(rule, 0, clock())));
      return { count: rules.length };
    },
  };
}

export type FixMemoryService = ReturnType<typeof fixMemoryService>;

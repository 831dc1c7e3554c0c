import type { Database } from 'better-sqlite3';
import { checkpointControl } from './checkpoints';
import { annotationsRepository } from './repositories/annotations';
import { batchesRepository } from './repositories/batches';
import { checkSettingsRepository } from './repositories/checkSettings';
import { documentsRepository } from './repositories/documents';
import { exportsRepository } from './repositories/exports';
import { fixRulesRepository } from './repositories/fixRules';
import { flagsRepository } from './repositories/flags';
import { nameFactsRepository } from './repositories/nameFacts';
import { glossaryRepository } from './repositories/glossary';
import { ignoredFlagsRepository } from './repositories/ignoredFlags';
import { metricsRepository } from './repositories/metrics';
import { namesRepository } from './repositories/names';
import { ruleCandidatesRepository } from './repositories/ruleCandidates';
import { notesRepository } from './repositories/notes';
import { qualityThresholdRepository } from './repositories/qualityThreshold';
import { revisionsRepository } from './repositories/revisions';
import { searchRepository } from './repositories/search';
import { segmentsRepository } from './repositories/segments';

/** The repositories over one connection, and a way to run several changes as one transaction. */
export function createStore(db: Database) {
  /** Told when a transaction failed and was rolled back: in-memory state that followed its writes is stale. */
  const rollbackListeners = new Set<() => void>();
  return {
    documents: documentsRepository(db),
    segments: segmentsRepository(db),
    revisions: revisionsRepository(db),
    batches: batchesRepository(db),
    fixRules: fixRulesRepository(db),
    flags: flagsRepository(db),
    metrics: metricsRepository(db),
    names: namesRepository(db),
    nameFacts: nameFactsRepository(db),
    ruleCandidates: ruleCandidatesRepository(db),
    glossary: glossaryRepository(db),
    ignoredFlags: ignoredFlagsRepository(db),
    notes: notesRepository(db),
    annotations: annotationsRepository(db),
    exports: exportsRepository(db),
    search: searchRepository(db),
    qualityThreshold: qualityThresholdRepository(db),
    checkSettings: checkSettingsRepository(db),
    checkpoints: checkpointControl(db),
    transaction<T>(work: () => T): T {
      try {
        // IMMEDIATE: every write here reads before it writes, and a deferred transaction that meets another
        // connection's write lock (the whole-check worker storing its result) fails at once with SQLITE_BUSY
        // instead of waiting out busy_timeout.
        return db.transaction(work).immediate();
      } catch (error) {
        for (const listener of rollbackListeners) listener();
        throw error;
      }
    },
    /** Whether a transaction is open: a write inside one is undone with it, whatever its own steps did. */
    get inTransaction(): boolean {
      return db.inTransaction;
    },
    /** Calls `listener` whenever a transaction run through the store fails (its writes undone). */
    onRollback(listener: () => void): void {
      rollbackListeners.add(listener);
    },
    /** Whether the connection is still open (work left between requests stops once it is closed). */
    get open(): boolean {
      return db.open;
    },
    close(): void {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

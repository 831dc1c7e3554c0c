import type { Database } from 'better-sqlite3';
import { annotationsRepository } from './repositories/annotations';
import { batchesRepository } from './repositories/batches';
import { checkSettingsRepository } from './repositories/checkSettings';
import { documentsRepository } from './repositories/documents';
import { exportsRepository } from './repositories/exports';
import { fixRulesRepository } from './repositories/fixRules';
import { flagsRepository } from './repositories/flags';
import { glossaryRepository } from './repositories/glossary';
import { ignoredFlagsRepository } from './repositories/ignoredFlags';
import { metricsRepository } from './repositories/metrics';
import { notesRepository } from './repositories/notes';
import { qualityThresholdRepository } from './repositories/qualityThreshold';
import { revisionsRepository } from './repositories/revisions';
import { searchRepository } from './repositories/search';
import { segmentsRepository } from './repositories/segments';

/** The repositories over one connection, and a way to run several changes as one transaction. */
export function createStore(db: Database) {
  return {
    documents: documentsRepository(db),
    segments: segmentsRepository(db),
    revisions: revisionsRepository(db),
    batches: batchesRepository(db),
    fixRules: fixRulesRepository(db),
    flags: flagsRepository(db),
    metrics: metricsRepository(db),
    glossary: glossaryRepository(db),
    ignoredFlags: ignoredFlagsRepository(db),
    notes: notesRepository(db),
    annotations: annotationsRepository(db),
    exports: exportsRepository(db),
    search: searchRepository(db),
    qualityThreshold: qualityThresholdRepository(db),
    checkSettings: checkSettingsRepository(db),
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
    close(): void {
      db.close();
    },
  };
}

export type Store = ReturnType<typeof createStore>;

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { backupNowSync } from '../db/backups';
import { systemClock, type Clock } from '../db/clock';
import { openDatabase } from '../db/connection';
import { createStore } from '../db/store';
import { annotationService } from './annotationService';
import { backupService } from './backupService';
import { batchService } from './batchService';
import { documentOptions } from './checkOptions';
import { checkService } from './checkService';
import { documentService } from './documentService';
import { fixMemoryService } from './fixMemoryService';
import { glossaryService } from './glossaryService';
import { metricsService } from './metricsService';
import { propagationService } from './propagationService';
import { replaceService } from './replaceService';
import { reportService } from './reportService';
import { searchService } from './searchService';
import { segmentService } from './segmentService';
import { storedFlags } from './storedFlags';

/** The document shipped with the app, so a fresh install shows real work at once. */
export interface Sample {
  fileName: string;
  title: string;
  text: string;
}

export interface ServiceOptions {
  clock?: Clock;
  nativeBinding?: string | undefined;
  /**
   * The app owns the store (one instance, by its single-instance lock): on opening it clears what imports cut
   * short by a crash left. The CLI and other processes sharing the file must not, as an import may be running.
   */
  ownsStore?: boolean;
}

/** Everything main, the CLI and the end-to-end tests do with documents, over one store. */
export function createServices(databaseFile: string, options: ServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  if (databaseFile !== ':memory:') mkdirSync(dirname(databaseFile), { recursive: true });
  const db = openDatabase(databaseFile, {
    clock,
    nativeBinding: options.nativeBinding,
    // A store with work in it is copied before its schema changes, and the migration waits for the copy.
    beforeMigrating: (open) => backupNowSync(open, databaseFile, 'pre-migration', clock(), { nativeBinding: options.nativeBinding }),
  });
  const store = createStore(db);
  const documents = documentService(store, clock);
  // An import cut short by a crash or a kill left a hidden, half-stored document: it goes before anything reads.
  if (options.ownsStore) documents.removeUnfinishedImports();
  // Every write keeps the stored flags of what it can have changed, in its transaction.
  const checkOptions = documentOptions(store);
  const flags = storedFlags(store, checkOptions.of);
  const segments = segmentService(store, clock, flags.afterWrite);
  const batches = batchService(store, segments, clock);
  const checks = checkService(store, batches, clock, flags, checkOptions);
  const annotations = annotationService(store, clock);
  return {
    documents,
    segments,
    metrics: metricsService(store),
    batches,
    checks,
    annotations,
    report: reportService(store, checks, annotations, clock),
    propagation: propagationService(store, batches, clock),
    fixMemory: fixMemoryService(store, batches, clock),
    glossary: glossaryService(store, clock),
    search: searchService(store),
    replace: replaceService(store, batches),
    backups: backupService(db, databaseFile, clock, options.nativeBinding),
    openSample: (sample: Sample) => documents.importText({ ...sample, hasBom: false }),
    close: () => store.close(),
  };
}

export type Services = ReturnType<typeof createServices>;

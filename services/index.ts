import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { RedlineError } from '../core/model/errors';
import { backupNowSync, restoreBackup, type BackupInfo } from '../db/backups';
import { systemClock, type Clock } from '../db/clock';
import { openDatabase } from '../db/connection';
import { createStore } from '../db/store';
import { annotationService } from './annotationService';
import { backupService } from './backupService';
import { batchService } from './batchService';
import { documentOptions } from './checkOptions';
import { checkService } from './checkService';
import { documentService } from './documentService';
import { findService } from './findService';
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
  let current = openServices(databaseFile, options);
  // Handlers keep the sub-services they were given (destructured once), so each is a stand-in that reaches the
  // services open now: restoring a backup swaps the store under them without re-registering anything.
  const forward = <K extends keyof OpenServices>(key: K): OpenServices[K] =>
    new Proxy({} as OpenServices[K], {
      get: (_target, property) => {
        const member = (current[key] as Record<PropertyKey, unknown>)[property];
        return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(current[key]) : member;
      },
    });
  return {
    documents: forward('documents'),
    segments: forward('segments'),
    metrics: forward('metrics'),
    batches: forward('batches'),
    checks: forward('checks'),
    annotations: forward('annotations'),
    report: forward('report'),
    propagation: forward('propagation'),
    fixMemory: forward('fixMemory'),
    glossary: forward('glossary'),
    search: forward('search'),
    find: forward('find'),
    replace: forward('replace'),
    backups: forward('backups'),
    openSample: (sample: Sample) => current.openSample(sample),
    /**
     * Puts the backup named `fileName` (one of backups.list()) in place of the open store: closes it, restores
     * (the replaced file is kept beside it as redline.sqlite.replaced-<time>), and opens the restored one. When
     * the restored copy cannot be opened, the store that was open is put back and opened again.
     */
    restoreBackup(fileName: string): { restored: BackupInfo; replaced: string | null } {
      if (databaseFile === ':memory:') throw new RedlineError('not_found', 'An in-memory store has no backups.');
      const chosen = current.backups.list().find((backup) => basename(backup.path) === fileName);
      if (!chosen) throw new RedlineError('not_found', `There is no backup called ${fileName}; the list may have changed, open it again.`);
      const clock = options.clock ?? systemClock;
      current.close();
      let replaced: string | null;
      try {
        ({ replaced } = restoreBackup(databaseFile, chosen.path, clock(), { nativeBinding: options.nativeBinding }));
      } catch (error) {
        current = openServices(databaseFile, options);
        throw error;
      }
      try {
        current = openServices(databaseFile, options);
      } catch (error) {
        // The copy passed its integrity check but would not open as a store: go back to the one that was open.
        if (replaced) {
          rmSync(databaseFile, { force: true });
          renameSync(replaced, databaseFile);
          for (const suffix of ['-wal', '-shm']) if (existsSync(replaced + suffix)) renameSync(replaced + suffix, databaseFile + suffix);
        }
        current = openServices(databaseFile, options);
        throw error;
      }
      return { restored: chosen, replaced };
    },
    close: () => current.close(),
  };
}

type OpenServices = ReturnType<typeof openServices>;

/** The services over the store as it is on disk now. */
function openServices(databaseFile: string, options: ServiceOptions) {
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
    find: findService(store),
    replace: replaceService(store, batches),
    backups: backupService(db, databaseFile, clock, options.nativeBinding),
    openSample: (sample: Sample) => documents.importText({ ...sample, hasBom: false }),
    close: () => store.close(),
  };
}

export type Services = ReturnType<typeof createServices>;

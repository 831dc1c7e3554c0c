import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { RedlineError } from '../core/model/errors';
import { listBackups, restoreBackup, type BackupInfo } from '../db/backups';
import { systemClock, type Clock } from '../db/clock';
import { checkedOnOpen, damagedStoreError, openDatabase } from '../db/connection';
import { inStorageWords } from '../db/storageErrors';
import { checkIntegrityInBackground } from '../db/integrityWorker';
import { beforeMigratingWith, type StorePreparation } from '../db/preMigrationBackup';
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
import { exportReadable, setDamagedStoreAside, type ReadableExport } from './storeRecovery';
import type { Spellers } from './spelling';

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
  /**
   * The app's window: a store found damaged (on open, or later by the background integrity check) leaves the
   * services closed instead of throwing — every call then answers 'damaged' — so the window can show what
   * happened and offer a backup, an export of what can be read, or an empty store (health, restoreBackup,
   * exportReadable, startEmpty). The CLI leaves it off and is refused with the message.
   */
  recoverable?: boolean;
  /** Stores larger than this are checked in the background rather than on open (db/connection.ts). */
  quickCheckMaxBytes?: number;
  /**
   * The pre-migration copy the entry point made before opening (db/preMigrationBackup.ts prepareStore, run by
   * services/openPrepared.ts). Without one, a store with work in it that needs migrating is refused untouched.
   */
  preparation?: StorePreparation;
  /**
   * How a missing spelling dictionary is built (services/checkOptions.ts): `now` when asked (the default: the CLI,
   * tests), or `between-requests` (the app's main process: no request waits for a dictionary).
   */
  spelling?: 'now' | 'between-requests';
  /** The dictionaries (tests give a builder of their own); by default the process's, shared by its stores. */
  spellers?: Spellers;
}

/** How the store is: sound, or damaged with the message saying what SQLite found; `checking` while the
 * background integrity check of a large store runs. */
export type StoreHealth = { state: 'sound'; checking: boolean } | { state: 'damaged'; message: string };

/** Open failures the damaged-store screen handles: pages SQLite finds inconsistent, or a header overwritten. */
const RECOVERABLE_CODES = new Set(['damaged', 'not_a_store']);

/** Everything main, the CLI and the end-to-end tests do with documents, over one store. */
export function createServices(databaseFile: string, options: ServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  const binding = { nativeBinding: options.nativeBinding };
  let current: OpenServices | null = null;
  let damage: string | null = null;
  let checking: Promise<void> | null = null;
  /**
   * Told before the store is closed under the app (damage found, a backup restored, set aside): background work on
   * it stops. Settles when every listener's work has ended (worker threads, with their connections, gone).
   */
  const closingListeners: Array<() => unknown> = [];
  const storeClosing = async (): Promise<void> => {
    await Promise.all(closingListeners.map((listener) => listener()));
  };

  /** Opens the store; when recoverable and it is damaged, records why and leaves the services closed. */
  const openOrRecord = (): void => {
    try {
      current = openServices(databaseFile, options);
      damage = null;
    } catch (error) {
      if (!options.recoverable || !(error instanceof RedlineError) || !RECOVERABLE_CODES.has(error.code)) throw error;
      current = null;
      damage = error.message;
      return;
    }
    if (options.recoverable && !checkedOnOpen(databaseFile, options.quickCheckMaxBytes)) checkInBackground(current);
  };
  /** A large store's full integrity_check, in a worker; damage found closes the services it was run for. */
  const checkInBackground = (checked: OpenServices): void => {
    checking = checkIntegrityInBackground(databaseFile, binding).then(
      (found) => {
        if (found !== null && current === checked) {
          void storeClosing();
          current.close();
          current = null;
          damage = damagedStoreError(databaseFile, found).message;
        }
      },
      (error: unknown) => console.error('Redline: the background integrity check could not run', error),
    ).finally(() => {
      checking = null;
    });
  };
  const live = (): OpenServices => {
    if (current) return current;
    throw new RedlineError('damaged', damage ?? 'The Redline store is closed.');
  };
  openOrRecord();

  // Handlers keep the sub-services they were given (destructured once), so each is a stand-in that reaches the
  // services open now: restoring a backup swaps the store under them without re-registering anything.
  // A call that meets damage (SQLite finds pages inconsistent mid-work) closes the services as the background
  // check would: the window's damaged-store screen then tells the truth, and start-empty or restore can proceed.
  const noteDamage = (open: OpenServices, error: unknown): void => {
    if (!options.recoverable || current !== open) return;
    const words = inStorageWords(error, { path: databaseFile });
    if (!(words instanceof RedlineError) || !RECOVERABLE_CODES.has(words.code)) return;
    void storeClosing();
    current.close();
    current = null;
    damage = words.message;
  };
  const forward = <K extends keyof OpenServices>(key: K): OpenServices[K] =>
    new Proxy({} as OpenServices[K], {
      get: (_target, property) => {
        const open = live();
        const member = (open[key] as Record<PropertyKey, unknown>)[property];
        if (typeof member !== 'function') return member;
        return (...args: unknown[]) => {
          try {
            return (member as (...args: unknown[]) => unknown).apply(open[key], args);
          } catch (error) {
            noteDamage(open, error);
            throw error;
          }
        };
      },
    });
  /** The backups there are; readable from the folder when the store itself is damaged. */
  const listCopies = (): BackupInfo[] => (current ? current.backups.list() : databaseFile === ':memory:' ? [] : listBackups(databaseFile, binding));
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
    spelling: forward('spelling'),
    backups: {
      dailyIfDue: (): Promise<BackupInfo | null> => (current ? current.backups.dailyIfDue() : Promise.resolve(null)),
      now: (): Promise<BackupInfo> => live().backups.now(),
      list: listCopies,
    },
    openSample: (sample: Sample) => live().openSample(sample),
    /** Sound or damaged (and why). */
    health: (): StoreHealth => (damage !== null ? { state: 'damaged', message: damage } : { state: 'sound', checking: checking !== null }),
    /** Settles when the background integrity check (if one runs) has answered. */
    whenChecked: (): Promise<void> => checking ?? Promise.resolve(),
    /** Settles once the hidden documents the open store held (crashed imports, deletions cut short) are removed. */
    whenHiddenRemoved: (): Promise<boolean> => current?.hiddenRemoved ?? Promise.resolve(true),
    /**
     * Puts the backup named `fileName` (one of backups.list()) in place of the store: closes it, restores
     * (the replaced file is kept beside it as redline.sqlite.replaced-<time>), and opens the restored one. When
     * the restored copy cannot be opened, the store that was there is put back (and opened again if it was open).
     * The app's own worker threads are ended first, so that their connections are closed before the restore
     * looks for other Redlines holding the store open (it refuses then, the store left open as it was).
     */
    async restoreBackup(fileName: string): Promise<{ restored: BackupInfo; replaced: string | null }> {
      if (databaseFile === ':memory:') throw new RedlineError('not_found', 'An in-memory store has no backups.');
      const chosen = listCopies().find((backup) => basename(backup.path) === fileName);
      if (!chosen) throw new RedlineError('not_found', `There is no backup called ${fileName}; the list may have changed, open it again.`);
      await storeClosing();
      // From here on nothing waits: no request comes between closing the store and opening the restored one.
      const wasOpen = current !== null;
      current?.close();
      current = null;
      const reopen = () => (wasOpen ? (current = openServices(databaseFile, options)) : null);
      let replaced: string | null;
      try {
        ({ replaced } = restoreBackup(databaseFile, chosen.path, clock(), binding));
      } catch (error) {
        reopen();
        throw error;
      }
      try {
        // The restored store may be at an older schema (a pre-migration copy): it is migrated without a new copy,
        // since the backup it came from stays in backups/ and is exactly the store before that migration.
        current = openServices(databaseFile, options, { copiedFrom: chosen });
        damage = null;
      } catch (error) {
        // The copy passed its integrity check but would not open as a store: go back to the one that was there.
        if (replaced) {
          rmSync(databaseFile, { force: true });
          renameSync(replaced, databaseFile);
          for (const suffix of ['-wal', '-shm']) if (existsSync(replaced + suffix)) renameSync(replaced + suffix, databaseFile + suffix);
        }
        reopen();
        throw error;
      }
      return { restored: chosen, replaced };
    },
    /** Writes every document that can still be read to text and bilingual files in `folder` (services/storeRecovery). */
    exportReadable(folder: string): ReadableExport {
      if (databaseFile === ':memory:') throw new RedlineError('not_found', 'An in-memory store has no file to read.');
      return exportReadable(databaseFile, folder, binding);
    },
    /**
     * Only for a damaged store: sets it aside as redline.sqlite.damaged-<time> (nothing deleted) and opens a new,
     * empty one. Returns where the damaged file was kept.
     */
    startEmpty(): { keptAs: string } {
      if (damage === null) throw new RedlineError('bad_input', 'The store is not damaged; it is not set aside.');
      void storeClosing();
      current?.close();
      current = null;
      const keptAs = setDamagedStoreAside(databaseFile, clock());
      openOrRecord();
      return { keptAs };
    },
    /** Calls `listener` before the store is closed under the app (the whole-check workers stop then). */
    onStoreClosing(listener: () => unknown): void {
      closingListeners.push(listener);
    },
    /** Closes the store; background work on it is told first, as when it is closed under the app. */
    close: () => {
      void storeClosing();
      current?.close();
    },
  };
}

type OpenServices = ReturnType<typeof openServices>;

/** The store's folder, made if missing; a clear error when it cannot be (a file of that name, no permission). */
function makeDataFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file stands where a folder is needed' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code;
    throw new RedlineError('io', `Cannot use ${folder} as Redline's data folder (${why}): set REDLINE_DATA_DIR to a folder Redline may write in.`);
  }
}

/**
 * The services over the store as it is on disk now. A store with work in it is migrated only when a copy of it
 * as it is exists: the entry point's preparation, or (`restored`) the backup it was just restored from.
 */
function openServices(databaseFile: string, options: ServiceOptions, restored?: { copiedFrom: BackupInfo }) {
  const clock = options.clock ?? systemClock;
  if (databaseFile !== ':memory:') makeDataFolder(dirname(databaseFile));
  const copied = beforeMigratingWith(databaseFile, options.preparation);
  const db = openDatabase(databaseFile, {
    clock,
    nativeBinding: options.nativeBinding,
    quickCheckMaxBytes: options.quickCheckMaxBytes,
    // A restored store may be migrated as it is: the backup it came from is its copy (see restoreBackup).
    beforeMigrating: (_open, pending) => (restored ? undefined : copied(pending)),
  });
  const store = createStore(db);
  const documents = documentService(store, clock);
  // An import cut short by a crash or a kill, or a deletion, left a hidden document: never read, it goes between
  // requests (a book's rows deleted at once would hold the window for seconds). Only the app, the store's one
  // owner, may; only those hidden now, not an import this app starts meanwhile.
  const hiddenRemoved = options.ownsStore ? documents.removeHiddenBetweenRequests(store.documents.unfinishedIds()) : Promise.resolve(true);
  // Every write keeps the stored flags of what it can have changed, in its transaction.
  const checkOptions = documentOptions(store, { spelling: options.spelling ?? 'now', ...(options.spellers ? { spellers: options.spellers } : {}) });
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
    propagation: propagationService(store, batches, clock, checks.segment, checkOptions.spellingLoading),
    fixMemory: fixMemoryService(store, batches, clock),
    glossary: glossaryService(store, clock),
    search: searchService(store),
    find: findService(store),
    replace: replaceService(store, batches),
    /** Whether a document's dictionary is still being built: its checks run without spelling until it is. */
    spelling: { loading: (documentId: number): boolean => checkOptions.spellingLoading(documentId) },
    backups: backupService(db, databaseFile, clock, options.nativeBinding),
    openSample: (sample: Sample) => documents.importText({ ...sample, hasBom: false }),
    /** Settles once the hidden documents found at opening are removed (true), or the store closed first (false). */
    hiddenRemoved,
    close: () => store.close(),
  };
}

export type Services = ReturnType<typeof createServices>;

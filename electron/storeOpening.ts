import type { ServiceOptions, Services } from '../services';
import { openPreparedServices } from '../services/openPrepared';
import type { Spellers } from '../services/spelling';

export interface StoreOpeningDeps {
  createServices: (path: string, options: ServiceOptions) => Services;
  /** Electron's dialog.showErrorBox in the app. */
  showErrorBox: (title: string, message: string) => void;
  /** The Node-ABI addon path in tests; Electron's own build of better-sqlite3 in the app. */
  nativeBinding?: string;
  /** Where the dictionaries are built and asked (the app: a thread per language, services/spellerThreads.ts). */
  spellers?: Spellers;
}

/**
 * Opens the app's store: first the pre-migration copy, when this version's migrations would change work in it
 * (made with SQLite's online backup API before the synchronous open: services/openPrepared.ts), then the open.
 * A damaged one (or one whose header is overwritten) opens in the window's damaged-store screen (services
 * `recoverable`: restore a backup, export what can be read, or start empty); what the window cannot help with
 * (read-only, locked by another program, written by a newer Redline, a copy that could not be written before an
 * upgrade) is said in a native box, and null tells main to quit.
 */
export async function openAppStore(storePath: string, deps: StoreOpeningDeps): Promise<Services | null> {
  try {
    const options: ServiceOptions = {
      ownsStore: true,
      recoverable: true,
      spelling: 'between-requests',
      ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
      ...(deps.spellers ? { spellers: deps.spellers } : {}),
    };
    return await openPreparedServices(storePath, options, deps.createServices);
  } catch (error) {
    deps.showErrorBox('Redline cannot open its store', error instanceof Error ? error.message : String(error));
    return null;
  }
}

import type { ServiceOptions, Services } from '../services';

export interface StoreOpeningDeps {
  createServices: (path: string, options: ServiceOptions) => Services;
  /** Electron's dialog.showErrorBox in the app. */
  showErrorBox: (title: string, message: string) => void;
}

/**
 * Opens the app's store. A damaged one (or one whose header is overwritten) opens in the window's damaged-store
 * screen (services `recoverable`: restore a backup, export what can be read, or start empty); what the window
 * cannot help with (read-only, locked by another program, written by a newer Redline) is said in a native box,
 * and null tells main to quit.
 */
export function openAppStore(storePath: string, deps: StoreOpeningDeps): Services | null {
  try {
    return deps.createServices(storePath, { ownsStore: true, recoverable: true });
  } catch (error) {
    deps.showErrorBox('Redline cannot open its store', error instanceof Error ? error.message : String(error));
    return null;
  }
}

import { prepareStore, UpgradeNotPrepared } from '../db/preMigrationBackup';
import type { createServices, ServiceOptions } from './index';

type Services = ReturnType<typeof createServices>;

/** How many times the store is prepared and opened when another process changes it in between. */
const ATTEMPTS = 3;

/**
 * Opens the services the way the entry points do (Electron main, the CLI): first the asynchronous preparation
 * (the pre-migration copy with SQLite's online backup API, when opening would migrate work in the store), then
 * the synchronous open, which migrates only what that copy covers. When another process (the app and the CLI
 * starting together) upgraded or replaced the store between the two, the open refuses untouched and this
 * prepares again. `create` is createServices (injected: the entry points' tests count its calls).
 */
export async function openPreparedServices(
  storePath: string,
  options: ServiceOptions,
  create: (path: string, options: ServiceOptions) => Services,
): Promise<Services> {
  for (let attempt = 1; ; attempt++) {
    const preparation = await prepareStore(storePath, { clock: options.clock, nativeBinding: options.nativeBinding });
    try {
      return create(storePath, { ...options, preparation });
    } catch (error) {
      if (!(error instanceof UpgradeNotPrepared) || attempt >= ATTEMPTS) throw error;
    }
  }
}

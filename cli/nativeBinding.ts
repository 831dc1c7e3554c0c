import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const KEPT = join('.native', 'node', 'better_sqlite3.node');

/**
 * The Node build of better-sqlite3 that `npm install` keeps (see scripts/keep-node-addon.mjs), found from
 * this module's own location upwards — so the CLI works from any folder, bundled or not. Inside Electron the
 * default, Electron-built addon is used. Owned by the Node entry points (CLI, tests, bench), not by db/.
 */
export function nodeNativeBinding(from: string = __dirname): string | undefined {
  if (process.versions.electron) return undefined;
  for (let dir = from; ; dir = dirname(dir)) {
    const kept = join(dir, KEPT);
    if (existsSync(kept)) return kept;
    if (dirname(dir) === dir) return undefined;
  }
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Node build of better-sqlite3 is kept (see scripts/keep-node-addon.mjs). Inside Electron the
 * default, Electron-built addon is used; elsewhere (tests, CLI) this copy, so both work whichever was built last.
 */
export function nodeNativeBinding(projectRoot: string = process.cwd()): string | undefined {
  if (process.versions.electron) return undefined;
  const kept = join(projectRoot, '.native', 'node', 'better_sqlite3.node');
  return existsSync(kept) ? kept : undefined;
}

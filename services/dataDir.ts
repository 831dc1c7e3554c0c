import { join } from 'node:path';

export const DATABASE_FILE_NAME = 'redline.sqlite';

/**
 * Where the store lives: REDLINE_DATA_DIR when set (tests, CLI, portable use), otherwise the folder Electron
 * calls userData. The CLI, which has no Electron, computes the same folder Electron would.
 */
export function resolveDataDir(
  env: Record<string, string | undefined>,
  userData: string | (() => string),
): string {
  const override = env.REDLINE_DATA_DIR?.trim();
  if (override) return override;
  return typeof userData === 'function' ? userData() : userData;
}

/** Electron's userData for an app named "Redline", for callers outside Electron. */
export function electronUserDataDir(
  platform: string,
  env: Record<string, string | undefined>,
  home: string,
): string {
  // An empty variable counts as unset (as in Electron and the XDG spec); otherwise join() gives a relative 'Redline'.
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Redline');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Redline');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Redline');
}

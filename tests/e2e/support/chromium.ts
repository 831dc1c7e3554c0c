import { existsSync } from 'node:fs';

/**
 * Debian's Chromium (apt-get install chromium); Playwright's own browser download cannot work here.
 * CHROMIUM_PATH overrides it on machines that keep Chromium elsewhere.
 */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    );
  }
  return path;
}

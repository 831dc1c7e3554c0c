/** Security decisions as pure functions: main only performs what these decide. */

export const APP_SCHEME = 'app';
export const APP_HOST = 'redline';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string | undefined): URL | null {
  if (typeof url !== 'string' || url.length === 0) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs of Redline's own UI: app://redline/…, or the Vite dev server during development. */
export function isAppUrl(url: string | undefined, devServerUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.username || parsed.password) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  const dev = parse(devServerUrl);
  if (dev === null || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false;
  // The scheme too: a blob: URL reports the origin of the page that made it, yet is not the dev server.
  return parsed.protocol === dev.protocol && parsed.origin === dev.origin;
}

/** Only Redline's own frames may call main. */
export const isTrustedSender = (senderUrl: string | undefined, devServerUrl?: string): boolean =>
  isAppUrl(senderUrl, devServerUrl);

/** The window never leaves the app: reloads of its own pages only. */
export const isAllowedNavigation = (url: string, devServerUrl?: string): boolean => isAppUrl(url, devServerUrl);

/** Redline needs no camera, microphone, notifications, geolocation or anything else: every request is denied. */
export const isPermissionGranted = (_permission: string): boolean => false;

/** The window opens no other windows. */
export const windowOpenAction = () => ({ action: 'deny' as const });

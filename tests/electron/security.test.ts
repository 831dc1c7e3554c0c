import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  isAllowedNavigation,
  isAppUrl,
  isPermissionGranted,
  isTrustedSender,
  windowOpenAction,
} from '../../electron/security';

const DEV = 'http://localhost:5173/';

/** URLs that are never Redline's UI, in production or development. */
const HOSTILE: Array<[string, string | undefined]> = [
  ['undefined', undefined],
  ['an empty string', ''],
  ['not a URL', 'redline/index.html'],
  ['a file:// page', 'file:///work/main/out/renderer/index.html'],
  ['https with the app host', 'https://redline/index.html'],
  ['a remote page', 'https://evil.example/index.html'],
  ['another app:// host', 'app://other/index.html'],
  ['an app:// host that extends redline', 'app://redline.evil/index.html'],
  ['an app:// host with a port', 'app://redline:8080/index.html'],
  ['userinfo before another host', 'app://redline@evil/index.html'],
  ['userinfo before the app host', 'app://attacker@redline/index.html'],
  ['a password before the app host', 'app://user:pass@redline/index.html'],
  ['a javascript: URL', 'javascript:alert(document.domain)'],
  ['a javascript: URL naming the app', 'javascript://app://redline/%0aalert(1)'],
  ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
  ['a blob: URL of the app', 'blob:app://redline/4f1c2d'],
  ['about:blank', 'about:blank'],
  ['about:srcdoc', 'about:srcdoc'],
  ['a chrome: page', 'chrome://settings'],
  ['a devtools: page', 'devtools://devtools/bundled/inspector.html'],
];

/** URLs that only pretend to be the dev server at http://localhost:5173. */
const DEV_SPOOFS: Array<[string, string]> = [
  ['another port', 'http://localhost:5174/'],
  ['the default port', 'http://localhost/'],
  ['a host that starts like localhost:5173', 'http://localhost:5173.evil.com/'],
  ['localhost as a subdomain', 'http://localhost.evil.com:5173/'],
  ['userinfo naming the dev server', 'http://localhost:5173@evil.com/'],
  ['userinfo before the dev server', 'http://user@localhost:5173/'],
  ['127.0.0.1 instead of localhost', 'http://127.0.0.1:5173/'],
  ['IPv6 loopback instead of localhost', 'http://[::1]:5173/'],
  ['https instead of http', 'https://localhost:5173/'],
  ['a websocket URL', 'ws://localhost:5173/'],
  ['a blob: URL of the dev server', 'blob:http://localhost:5173/4f1c2d'],
  ['a view-source: URL', 'view-source:http://localhost:5173/'],
];

describe('isAppUrl', () => {
  it.each(['app://redline/index.html', 'app://redline/', 'app://redline/assets/index-abc123.js', 'app://redline/index.html#/doc/3'])(
    'accepts the app page %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
      expect(isAppUrl(url, DEV)).toBe(true);
    },
  );

  it.each(HOSTILE)('refuses %s (production and development)', (_name, url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isAppUrl(url, DEV)).toBe(false);
  });

  it('accepts pages of the dev server only while it is configured', () => {
    expect(isAppUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/index.html?t=1#x', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
  });

  it.each(DEV_SPOOFS)('refuses a dev server spoof: %s', (_name, url) => {
    expect(isAppUrl(url, DEV)).toBe(false);
  });

  it.each([
    ['a malformed dev server URL', 'not a url'],
    ['an empty dev server URL', ''],
    ['a file:// dev server', 'file:///tmp/'],
    ['a data: dev server', 'data:text/html,x'],
  ])('trusts no extra origin for %s', (_name, devServerUrl) => {
    expect(isAppUrl('file:///tmp/index.html', devServerUrl)).toBe(false);
    expect(isAppUrl('data:text/html,x', devServerUrl)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', devServerUrl)).toBe(false);
    expect(isAppUrl(APP_ENTRY_URL, devServerUrl)).toBe(true);
  });
});

describe('isTrustedSender and isAllowedNavigation', () => {
  it('trust the app entry page and allow navigating to it', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
  });

  it.each([...HOSTILE, ...DEV_SPOOFS])('refuse %s', (_name, url) => {
    expect(isTrustedSender(url, DEV)).toBe(false);
    expect(isAllowedNavigation(url as string, DEV)).toBe(false);
  });

  it('refuse the dev server origin in a production build', () => {
    expect(isTrustedSender('http://localhost:5173/')).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/')).toBe(false);
  });
});

describe('permissions and new windows', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'fullscreen',
    'openExternal',
    'pointerLock',
    'midiSysex',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    '',
  ])('denies %j', (permission) => {
    expect(isPermissionGranted(permission)).toBe(false);
  });

  it('denies every window.open, even one to the app itself', () => {
    const open = windowOpenAction as (details?: unknown) => unknown;
    expect(open()).toEqual({ action: 'deny' });
    expect(open({ url: APP_ENTRY_URL, disposition: 'new-window' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://evil.example/', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, expect, test } from '@playwright/test';
import { rebuild } from '@electron/rebuild';
import { CHANNELS } from '../../core/ipc/channels';
import { electronBinary, electronVersion } from './support/electronBinary';

const binary = electronBinary();
const root = join(__dirname, '..', '..');

test.describe('the real Electron app', () => {
  test.skip(
    binary === null,
    'The Electron binary is not installed: it downloads from GitHub, which this machine cannot reach.',
  );

  test('launches on the sample with the bridge and nothing more', async () => {
    test.setTimeout(180_000);
    // The app needs better-sqlite3 built for Electron's ABI; Node-side tests keep their own copy.
    await rebuild({ buildPath: root, electronVersion: electronVersion(), onlyModules: ['better-sqlite3'], force: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'redline-electron-'));
    const app = await _electron.launch({
      executablePath: binary!,
      args: [root],
      env: { ...process.env, REDLINE_DATA_DIR: dataDir } as Record<string, string>,
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: /sample MT/ })).toBeVisible({ timeout: 30_000 });
      expect(window.url()).toBe('app://redline/index.html');
      const bridge = await window.evaluate(() => ({
        channels: Object.keys((window as unknown as { redline: object }).redline).sort(),
        hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
        hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
      }));
      expect(bridge).toEqual({ channels: [...CHANNELS].sort(), hasRequire: false, hasProcess: false });
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

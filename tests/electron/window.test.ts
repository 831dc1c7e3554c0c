import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../electron/window';

const PRELOAD = '/opt/redline/resources/app/.vite/build/preload.js';

describe('mainWindowOptions', () => {
  it.each([true, false])('holds the security baseline explicitly (development: %s)', (development) => {
    const prefs = mainWindowOptions({ preloadPath: PRELOAD, development }).webPreferences ?? {};
    // Written out, not left to Electron's defaults, so a change of default cannot weaken the window.
    for (const key of ['sandbox', 'contextIsolation', 'nodeIntegration', 'webSecurity', 'webviewTag'] as const) {
      expect(Object.hasOwn(prefs, key), key).toBe(true);
    }
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(prefs.preload).toBe(PRELOAD);
    // Chromium's own spellchecker would download dictionaries from the network: off, explicitly.
    expect(Object.hasOwn(prefs, 'spellcheck')).toBe(true);
    expect(prefs.spellcheck).toBe(false);
    // Nothing may re-enable Node or loosen isolation through a side door.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('has DevTools only in development', () => {
    expect(mainWindowOptions({ preloadPath: PRELOAD, development: true }).webPreferences?.devTools).toBe(true);
    expect(mainWindowOptions({ preloadPath: PRELOAD, development: false }).webPreferences?.devTools).toBe(false);
  });

  it('stays hidden until ready-to-show, so no blank window flashes', () => {
    expect(mainWindowOptions({ preloadPath: PRELOAD, development: false }).show).toBe(false);
  });
});

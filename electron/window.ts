import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowSettings {
  preloadPath: string;
  /** True only when running from the Vite dev server; DevTools exist only then. */
  development: boolean;
}

/** The main window's options, written out explicitly so a test can hold them to the security baseline. */
export function mainWindowOptions({ preloadPath, development }: WindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    minWidth: 760,
    minHeight: 480,
    title: 'Redline',
    show: false,
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: preloadPath,
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
      // Chromium's spellchecker downloads Hunspell dictionaries from Google on first use; Redline checks
      // spelling offline with its bundled dictionaries (services/spelling.ts), so this one stays off.
      spellcheck: false,
      devTools: development,
    },
  };
}

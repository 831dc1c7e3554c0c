import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import handledSquirrelEvent from 'electron-squirrel-startup';
import { applicationMenu, type KeyPress } from './menu';
import { nativeDialogs } from './dialogs';
import { createDispatcher } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { appProtocolHandler } from './protocol';
import { hardenSession } from './sessionHardening';
import { SAMPLE } from './sample';
import { APP_ENTRY_URL, APP_SCHEME, isAllowedNavigation, isTrustedSender, windowOpenAction } from './security';
import { createServices, type Services } from '../services';
import { exportJobs, type ExportJobs } from '../services/exportJobs';
import { metricsJobs, type MetricsJobs } from '../services/metricsJobs';
import { fileReads, type FileReads } from '../services/fileReads';
import { wholeChecks, type WholeChecks } from '../services/wholeChecks';
import { DATABASE_FILE_NAME, resolveDataDir } from '../services/dataDir';
import { openAppStore } from './storeOpening';
import { spellerThreads } from '../services/spellerThreads';
import { mainWindowOptions } from './window';

const devServerUrl: string | undefined = MAIN_WINDOW_VITE_DEV_SERVER_URL || undefined;

// Must happen before `ready`: app:// behaves like https (secure, standard URLs, fetch).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;
let background: WholeChecks | null = null;
let exportWork: ExportJobs | null = null;
let metricsWork: MetricsJobs | null = null;
let fileReadWork: FileReads | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(
    mainWindowOptions({ preloadPath: join(__dirname, 'preload.js'), development: devServerUrl !== undefined }),
  );
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  window.on('closed', () => {
    mainWindow = null;
  });
  // The page cancelled closing because a correction is not stored yet (a full or read-only disk): ask.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Keep editing', 'Quit without saving'],
      defaultId: 0,
      cancelId: 0,
      message: 'Some of your changes are not saved yet.',
      detail: 'Redline could not store them (see the message beside the document) and keeps retrying. If you quit now, they are lost.',
    });
    if (choice === 1) event.preventDefault(); // preventing the prevention lets the window close
  });
  return window;
}

function hardenSessionAndContents(): void {
  hardenSession(session.defaultSession, devServerUrl);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(windowOpenAction);
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

async function start(): Promise<void> {
  const rendererRoot = join(__dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME);
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererRoot));
  hardenSessionAndContents();

  const dataDir = resolveDataDir(process.env, () => app.getPath('userData'));
  // Before the window: a store this version must migrate is copied first (the online backup API, awaited here).
  services = await openAppStore(join(dataDir, DATABASE_FILE_NAME), {
    createServices,
    showErrorBox: (title, message) => dialog.showErrorBox(title, message),
    // Each language's dictionary is built and kept in a thread of its own (spellerWorker.js, beside main.js): its
    // millions of word forms never pause the window's requests.
    spellers: spellerThreads({ file: join(__dirname, 'spellerWorker.js') }),
  });
  if (!services) {
    app.quit();
    return;
  }
  // The daily copy is made with the online backup API in steps, so the window opens meanwhile.
  services.backups.dailyIfDue().catch((error: unknown) => console.error('Redline: the daily backup failed', error));
  // A document's first whole check runs in a worker thread (built beside main.js by forge.config.ts) on its own
  // connection, so the window keeps answering; the flags appear when it is done.
  background = wholeChecks(join(dataDir, DATABASE_FILE_NAME), { file: join(__dirname, 'wholeCheckWorker.js') });
  // Exports and reports are read, built and written in a worker thread of their own (exportWorker.js, beside
  // main.js) on a read-only connection, with progress and cancel; main only renames the finished file into place.
  exportWork = exportJobs(join(dataDir, DATABASE_FILE_NAME), { file: join(__dirname, 'exportWorker.js') });
  // Metrics with TER options other than the stored ones measure every sentence: in a worker thread too
  // (metricsWorker.js), the panel showing how far it is.
  metricsWork = metricsJobs(join(dataDir, DATABASE_FILE_NAME), { file: join(__dirname, 'metricsWorker.js') });
  // A store found damaged, restored or set aside is not written by a check started on the one before, nor read
  // by an export.
  // A restore waits for these threads to end: their connections would otherwise count as another Redline's.
  services.onStoreClosing(() => Promise.all([background?.close(), exportWork?.close(), metricsWork?.close()]));
  // The files the editor picks are read, decoded and parsed in a worker thread too (fileReadWorker.js): a Trados
  // file of 50,000 segments takes seconds to parse.
  fileReadWork = fileReads({ file: join(__dirname, 'fileReadWorker.js') });
  const workers = { background, exports: exportWork, metricsWork, fileReads: fileReadWork };
  const handlers = createHandlers(services, nativeDialogs(() => mainWindow), SAMPLE, workers);
  registerIpc(ipcMain, createDispatcher(handlers, { isTrustedSender: (url) => isTrustedSender(url, devServerUrl) }));

  // The menu's document commands press their key in the page, which decides (a field's own undo or the
  // document's); no undo/redo roles.
  const send = (key: KeyPress) => mainWindow?.webContents.sendInputEvent({ type: 'keyDown', keyCode: key.keyCode, modifiers: key.modifiers });
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu(process.platform, devServerUrl !== undefined, send)));
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

// On Windows the Squirrel installer starts the app to create or remove shortcuts: it must quit at once then,
// before taking the single-instance lock or opening the store.
if (handledSquirrelEvent) {
  app.quit();
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void background?.close();
    void exportWork?.close();
    void metricsWork?.close();
    void fileReadWork?.close();
    services?.close();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Typically a store written by a newer Redline: say so and leave the file untouched.
      dialog.showErrorBox('Redline could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { API_GLOBAL, CHANNELS } from '../../../core/ipc/channels';
import { nodeNativeBinding } from '../../../cli/nativeBinding';
import { createDispatcher, type Dispatch } from '../../../electron/ipc/dispatcher';
import { createHandlers, type Dialogs } from '../../../electron/ipc/handlers';
import { isTrustedSender } from '../../../electron/security';
import { createServices, type Sample, type Services } from '../../../services';
import { exportJobs, type ExportJobs } from '../../../services/exportJobs';
import { fileReads } from '../../../services/fileReads';
import { metricsJobs, type MetricsJobs } from '../../../services/metricsJobs';
import { wholeChecks, type WholeChecks } from '../../../services/wholeChecks';
import { sourceWorkerEntry } from '../../../services/workerEntry';
import { spellerThreads } from '../../../services/spellerThreads';

/** The speller threads, shared by every backend of the run as the app's are by every store it opens. */
const testSpellers = spellerThreads(sourceWorkerEntry('spellerWorker'));
/** The thread that reads picked files, as the app's: it needs no store, so every backend of the run shares it. */
const testFileReads = fileReads(sourceWorkerEntry('fileReadWorker'));

export const SAMPLE_PATH = join(__dirname, '..', '..', '..', 'assets', 'sample', 'kazakhstan-mt.txt');
export const SAMPLE: Sample = {
  fileName: 'kazakhstan-mt.txt',
  title: 'Kazakhstan: the situation remains tense (sample MT)',
  text: readFileSync(SAMPLE_PATH, 'utf8'),
};

/** Dialog answers a test scripts in advance, standing in for the native dialogs. */
export class ScriptedDialogs implements Dialogs {
  openPath: string | null = null;
  exportPath: string | null = null;
  folderPath: string | null = null;
  async pickFileToOpen() {
    return this.openPath;
  }
  async pickExportPath() {
    return this.exportPath;
  }
  async pickFolder() {
    return this.folderPath;
  }
}

/**
 * The real services over a real SQLite file in a temp folder, reached from the page through the same
 * dispatcher main uses. `restart` closes them and opens new ones on the same file, like relaunching the app.
 * Exports run in their worker thread after `exportInWorker()`, and whole-document checks after
 * `checkInBackground()`, metrics with non-default TER options after `measureInWorker()`, as in the app; otherwise
 * they run on the request path (the workers compile their source with tsx as they start, seconds on a loaded
 * machine, which most tests' timing does not allow for).
 */
export class Backend {
  readonly dir = mkdtempSync(join(tmpdir(), 'redline-e2e-'));
  readonly databaseFile = join(this.dir, 'redline.sqlite');
  readonly dialogs = new ScriptedDialogs();
  /** How many times the page called each channel (to see what a screen asks of the store, and when). */
  readonly calls = new Map<string, number>();
  /** The offsets of the pages of sentences the page read, in order (`segments.page`). */
  readonly pagesRead: number[] = [];
  services!: Services;
  private exports: ExportJobs | undefined;
  private background: WholeChecks | undefined;
  private metricsWork: MetricsJobs | undefined;
  private dispatch!: Dispatch;

  constructor(private readonly origin: string) {
    this.open();
  }

  private open(): void {
    // As the app opens its store (electron/storeOpening.ts, electron/main.ts): dictionaries are built and kept in
    // threads of their own, one per language for the whole test run (as for the app's whole life).
    this.services = createServices(this.databaseFile, {
      nativeBinding: nodeNativeBinding(),
      ownsStore: true,
      recoverable: true,
      spelling: 'between-requests',
      spellers: testSpellers,
    });
    this.bind();
  }

  private bind(): void {
    this.dispatch = createDispatcher(createHandlers(this.services, this.dialogs, SAMPLE, {
      background: this.background,
      exports: this.exports,
      metricsWork: this.metricsWork,
      fileReads: testFileReads,
    }), {
      isTrustedSender: (url) => isTrustedSender(url, this.origin),
    });
  }

  /** From now on, a document's first whole check runs in its worker thread, as in the app. */
  checkInBackground(): void {
    this.background ??= wholeChecks(this.databaseFile, sourceWorkerEntry('wholeCheckWorker'), nodeNativeBinding());
    this.bind();
  }

  /** From now on, exports are made in their worker thread, with progress and cancel, as in the app. */
  exportInWorker(): void {
    this.exports ??= exportJobs(this.databaseFile, sourceWorkerEntry('exportWorker'), nodeNativeBinding());
    this.bind();
  }

  /** From now on, metrics with non-default TER options are measured in their worker thread, as in the app. */
  measureInWorker(): void {
    this.metricsWork ??= metricsJobs(this.databaseFile, sourceWorkerEntry('metricsWorker'), nodeNativeBinding());
    this.bind();
  }

  private closeWorkers(): void {
    void this.exports?.close();
    void this.background?.close();
    void this.metricsWork?.close();
    this.exports = undefined;
    this.background = undefined;
    this.metricsWork = undefined;
  }

  /** `whileClosed` runs between closing and reopening, as something could happen to the file between runs. */
  restart(whileClosed?: () => void): void {
    this.closeWorkers();
    this.services.close();
    whileClosed?.();
    this.open();
  }

  /** Gives the page exactly the preload's API: one function per contract channel, answering envelopes. */
  async attach(page: Page): Promise<void> {
    await page.exposeBinding('__redlineInvoke', (source, channel: string, request: unknown) => {
      this.calls.set(channel, (this.calls.get(channel) ?? 0) + 1);
      if (channel === 'segments.page') this.pagesRead.push((request as { offset?: number } | null)?.offset ?? -1);
      return this.dispatch(channel, source.frame.url(), request);
    });
    await page.addInitScript(
      ({ channels, global }) => {
        const invoke = (window as unknown as { __redlineInvoke: (c: string, r: unknown) => Promise<unknown> })
          .__redlineInvoke;
        const api = Object.fromEntries(channels.map((c) => [c, (request: unknown) => invoke(c, request)]));
        Object.defineProperty(window, global, { value: Object.freeze(api) });
      },
      { channels: [...CHANNELS], global: API_GLOBAL },
    );
  }

  dispose(): void {
    // The page may still ask after the test ends; answer quietly instead of reaching a closed store.
    this.dispatch = async () => ({ ok: false, code: 'cancelled', message: 'The test backend is closed.' });
    this.closeWorkers();
    this.services.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

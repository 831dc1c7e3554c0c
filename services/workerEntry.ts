import { join } from 'node:path';

/** Where a worker thread's code is (Electron: the built file), or code that loads it (tests and tsx: the source). */
export interface WorkerEntry {
  file: string;
  eval?: boolean;
}

/** The worker threads of services/, each built beside main.js by forge.config.ts as `<name>.js`. */
export type WorkerModule = 'wholeCheckWorker' | 'exportWorker' | 'metricsWorker' | 'spellerWorker' | 'fileReadWorker';

/**
 * A worker module as source, compiled by tsx as it loads: how tests, the bench and the CLI start it. `__dirname`
 * (not import.meta) so that every loader of the tests finds it: vitest, tsx and Playwright's CommonJS transform.
 */
export const sourceWorkerEntry = (module: WorkerModule = 'wholeCheckWorker'): WorkerEntry => ({
  file: `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, `${module}.ts`))});`,
  eval: true,
});

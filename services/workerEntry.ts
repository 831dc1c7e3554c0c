import { fileURLToPath } from 'node:url';

/** Where a worker thread's code is (Electron: the built file), or code that loads it (tests and tsx: the source). */
export interface WorkerEntry {
  file: string;
  eval?: boolean;
}

/** The worker threads of services/, each built beside main.js by forge.config.ts as `<name>.js`. */
export type WorkerModule = 'wholeCheckWorker' | 'exportWorker';

/** A worker module as source, compiled by tsx as it loads: how tests, the bench and the CLI start it. */
export const sourceWorkerEntry = (module: WorkerModule = 'wholeCheckWorker'): WorkerEntry => ({
  file: `require('tsx/cjs'); require(${JSON.stringify(fileURLToPath(new URL(`./${module}.ts`, import.meta.url)))});`,
  eval: true,
});

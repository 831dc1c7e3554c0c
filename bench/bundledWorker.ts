import { join } from 'node:path';
import { build } from 'esbuild';
import type { WorkerModule } from '../services/workerEntry';

/**
 * A worker module of services/ bundled as the app ships it (one CommonJS file, better-sqlite3 loaded at run time),
 * so that its figures leave out compiling it on start. In .vite/ (ignored by git), so that it finds better-sqlite3
 * in the checkout's node_modules.
 */
export async function bundledWorker(module: WorkerModule, size: number): Promise<string> {
  const outfile = join(__dirname, '..', '.vite', 'bench', `${module}-${size}-${process.pid}.js`);
  await build({
    entryPoints: [join(__dirname, '..', 'services', `${module}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** Helpers of the CLI tests: the CLI in-process over a temp store, the real CLI process, the shared APE pairs. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, runCliPrepared, type CliIo } from '../../cli/run';
import { tempDir } from '../electron/support';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the CLI in-process against a store in a fresh temp folder, capturing what it prints. */
export function cli(argv: string[], dataDir = tempDir(), io: Partial<Pick<CliIo, 'isTTY' | 'env'>> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { REDLINE_DATA_DIR: dataDir, ...io.env },
    ...(io.isTTY === undefined ? {} : { isTTY: io.isTTY }),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), dataDir };
}

/** Runs the CLI in-process as the redline process does (runCliPrepared: `backup`, the copy before an upgrade). */
export async function cliPrepared(argv: string[], dataDir = tempDir()) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCliPrepared(argv, { out: (t) => out.push(t), err: (t) => err.push(t), env: { REDLINE_DATA_DIR: dataDir } });
  return { code, out: out.join('\n'), err: err.join('\n'), dataDir };
}

/** Writes a file into a fresh temp folder and returns its path. */
export function file(name: string, bytes: Uint8Array | string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

/** The bundled CLI (dist-cli/redline.js), built first if a source changed since the last build. */
export function builtCli(): string {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
  if (build.status !== 0) throw new Error(`building the CLI failed: ${build.stderr}`);
  return join(PROJECT_ROOT, 'dist-cli', 'redline.js');
}

/** Runs `node dist-cli/redline.js ...args` as a child process, as `npm run cli` does, from `cwd`. */
export function runRealCli(dataDir: string, ...args: string[]) {
  return runBuiltCli(PROJECT_ROOT, dataDir, ...args);
}

export function runBuiltCli(cwd: string, dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [builtCli(), ...args], {
    cwd,
    env: { ...process.env, REDLINE_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

const APE_DIR = fileURLToPath(new URL('../../../shared/fixtures/ape-en-de/', import.meta.url));

/** The 2,000 shared MT/post-edit files and sacrebleu's reference figures for them (ter.tsv). */
export function apeFixture() {
  if (!existsSync(APE_DIR)) {
    throw new Error(`The shared fixture folder ${APE_DIR} is missing: tests need ../shared beside the checkout.`);
  }
  const reference = readFileSync(join(APE_DIR, 'ter.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((row) => row.trim().length > 0)
    .map((row) => {
      const [line, edits, refWords] = row.split('\t').map(Number) as [number, number, number];
      return { line, edits, refWords };
    });
  return { mtPath: join(APE_DIR, 'mt.txt'), pePath: join(APE_DIR, 'pe.txt'), reference };
}

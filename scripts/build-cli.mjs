// Bundles the CLI into CommonJS files in dist-cli, so it starts as plain `node` without compiling TypeScript on
// every run (tsx cost 0.6–1.1 s of start-up): redline.js, a launcher (cli/launcher.ts) that hands the run to
// redline-metrics.js (cli/metricsMain.ts: file-to-file metrics only, the quick path the HTER bench times) or to
// redline-full.js (cli/main.ts and the core, db and services code every command uses). Node compiles a whole
// file before running it, so the metrics path must not sit in the same file as the rest (cli/bundleFiles.ts).
// Packages stay outside the bundle and are required from node_modules at run time: better-sqlite3 is a native
// addon (cli/nativeBinding.ts finds its Node build from the bundle's folder upwards), and the dictionary-*
// packages are located with require.resolve to read their .aff/.dic files.
//
//   node scripts/build-cli.mjs            build
//   node scripts/build-cli.mjs --if-stale build only when a source file the last bundle read has changed
//
// Plain JavaScript on purpose: `npm run cli` runs it before the bundle, and tsx would cost what the bundle saves.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(root, 'dist-cli', 'redline.js');
const INPUTS = join(root, 'dist-cli', 'inputs.json');

/** Whether the bundle is missing or older than a file it was built from (or than this script, or the lock file). */
function stale() {
  if (!existsSync(CLI_BUNDLE) || !existsSync(INPUTS)) return true;
  const builtAt = statSync(CLI_BUNDLE).mtimeMs;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return true;
  }
  const watched = [...inputs, 'scripts/build-cli.mjs', 'package-lock.json'];
  return watched.some((file) => {
    const path = join(root, file);
    return !existsSync(path) || statSync(path).mtimeMs > builtAt;
  });
}

export async function buildCli() {
  const result = await build({
    entryPoints: {
      redline: join(root, 'cli', 'launcher.ts'),
      'redline-metrics': join(root, 'cli', 'metricsMain.ts'),
      'redline-full': join(root, 'cli', 'main.ts'),
    },
    outdir: dirname(CLI_BUNDLE),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    banner: { js: '#!/usr/bin/env node' },
    write: false,
  });
  // Each file is written beside its place and renamed into it, so a build running at the same time as another
  // (parallel test workers) or as a CLI run never leaves a half-written bundle.
  mkdirSync(dirname(CLI_BUNDLE), { recursive: true });
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
  const files = [...result.outputFiles.map((file) => [file.path, file.contents]), [INPUTS, `${JSON.stringify(inputs, null, 1)}\n`]];
  // The launcher last: its time stamp is what --if-stale compares with.
  files.sort(([a], [b]) => (a === CLI_BUNDLE ? 1 : b === CLI_BUNDLE ? -1 : 0));
  for (const [path, contents] of files) {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  }
  return CLI_BUNDLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || stale()) {
    await buildCli();
    if (!ifStale) console.log(`Built ${CLI_BUNDLE}`);
  }
}

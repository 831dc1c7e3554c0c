/**
 * HTER end to end against sacrebleu, run live in the same bench: the 2,000 shared APE pairs repeated 8 times
 * (16,000 pairs, the size of the full APE corpus) written to two files, then each side timed from process start
 * to result — `node dist-cli/redline.js metrics MT PE` (the bundled CLI, as `npm run cli` runs it) and
 * `python3 -m sacrebleu PE -i MT -m ter --ter-normalized --ter-case-sensitive -b` (TER with Redline's defaults:
 * tercom normalization, case-sensitive). Debian's python3 with the modules ../shared/tools/sacrebleu/README.md
 * lists; SACREBLEU_PYTHON names another interpreter.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApePair } from './fixtures';
import { median } from './stats';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SACREBLEU_DIR = fileURLToPath(new URL('../../shared/tools/sacrebleu/', import.meta.url));
export const REPEAT = 8;

export interface EndToEnd {
  pairs: number;
  runs: number;
  redlineMs: number[];
  sacrebleuMs: number[];
  /**
   * Redline's runs without NODE_EXTRA_CA_CERTS, when the environment sets it (this machine does, for npm's
   * proxy): Node 20 reads the whole CA file at start-up, some 35 ms, though metrics open no connection. Shown
   * beside the result as run, which alone is judged.
   */
  redlineWithoutExtraCaMs: number[] | null;
  /** Corpus edits / reference words Redline printed, against 8× ter.tsv's. */
  redline: { edits: number; refWords: number; linesEqual: boolean };
  /** The corpus TER sacrebleu printed (rounded to one decimal, as its -b prints it). */
  sacrebleuTer: number;
  ratio: number;
}

function timedRun(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; stdout: string } {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr.trim().split('\n').at(-1)}`);
  return { ms, stdout: run.stdout };
}

/** Why sacrebleu cannot run here, or null when it can. */
export function sacrebleuMissing(python = process.env.SACREBLEU_PYTHON ?? '/usr/bin/python3'): string | null {
  if (!existsSync(join(SACREBLEU_DIR, 'sacrebleu'))) return `${SACREBLEU_DIR} is missing`;
  const probe = spawnSync(python, ['-c', 'import sacrebleu.metrics'], { env: { ...process.env, PYTHONPATH: SACREBLEU_DIR }, encoding: 'utf8' });
  if (probe.error) return `${python}: ${probe.error.message}`;
  if (probe.status !== 0) return `${python} cannot import sacrebleu (${probe.stderr.trim().split('\n').at(-1)}); see ${SACREBLEU_DIR}README.md`;
  return null;
}

/** Runs both sides `runs` times, interleaved so they see the same machine load; medians give the ratio. */
export function benchHterEndToEnd(pairs: readonly ApePair[], runs = 3): EndToEnd {
  const python = process.env.SACREBLEU_PYTHON ?? '/usr/bin/python3';
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the CLI failed: ${build.stderr}`);
  const cli = join(ROOT, 'dist-cli', 'redline.js');

  const dir = mkdtempSync(join(tmpdir(), 'redline-hter-'));
  try {
    const mtPath = join(dir, 'mt.txt');
    const pePath = join(dir, 'pe.txt');
    const repeated: ApePair[] = [];
    for (let k = 0; k < REPEAT; k++) repeated.push(...pairs);
    writeFileSync(mtPath, repeated.map((p) => `${p.mt}\n`).join(''));
    writeFileSync(pePath, repeated.map((p) => `${p.pe}\n`).join(''));
    const sacrebleuEnv = { ...process.env, PYTHONPATH: SACREBLEU_DIR };
    const sacrebleuArgs = ['-m', 'sacrebleu', pePath, '-i', mtPath, '-m', 'ter', '--ter-normalized', '--ter-case-sensitive', '-b'];

    const redlineMs: number[] = [];
    const sacrebleuMs: number[] = [];
    const extraCa = process.env.NODE_EXTRA_CA_CERTS !== undefined;
    const withoutExtraCa: number[] = [];
    const noExtraCaEnv = { ...process.env };
    delete noExtraCaEnv.NODE_EXTRA_CA_CERTS;
    let redlineOut = '';
    let sacrebleuOut = '';
    for (let k = 0; k < runs; k++) {
      const r = timedRun(process.execPath, [cli, 'metrics', mtPath, pePath, '--json']);
      redlineMs.push(r.ms);
      redlineOut = r.stdout;
      if (extraCa) withoutExtraCa.push(timedRun(process.execPath, [cli, 'metrics', mtPath, pePath, '--json'], noExtraCaEnv).ms);
      const s = timedRun(python, sacrebleuArgs, sacrebleuEnv);
      sacrebleuMs.push(s.ms);
      sacrebleuOut = s.stdout;
    }
    const report = JSON.parse(redlineOut) as { segments: Array<{ edits: number; refWords: number }>; corpus: { edits: number; refWords: number } };
    const linesEqual =
      report.segments.length === repeated.length &&
      report.segments.every((s, k) => s.edits === repeated[k]!.edits && s.refWords === repeated[k]!.refWords);
    return {
      pairs: repeated.length,
      runs,
      redlineMs,
      sacrebleuMs,
      redlineWithoutExtraCaMs: extraCa ? withoutExtraCa : null,
      redline: { edits: report.corpus.edits, refWords: report.corpus.refWords, linesEqual },
      sacrebleuTer: Number(sacrebleuOut.trim()),
      ratio: median(sacrebleuMs) / median(redlineMs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SizeResult } from './table';

/**
 * One size of the book table run in a child process (bench/book.ts), so its memory is its own: its rows, or why
 * it failed (the first lines of what it printed on stderr). `rows` names the row modules to run (BENCH_ROWS).
 */
export function bookInChild(size: number, rows?: string): SizeResult | string {
  const script = fileURLToPath(new URL('./book.ts', import.meta.url));
  const run = spawnSync(process.execPath, [...process.execArgv, script, String(size)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: rows === undefined ? process.env : { ...process.env, BENCH_ROWS: rows },
  });
  if (run.status !== 0) return (run.stderr || run.error?.message || `exit ${run.status}`).trim().split('\n').slice(0, 5).join(' ');
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as SizeResult;
}

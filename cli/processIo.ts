import type { CliIo } from './io';

/**
 * The process's own input and output for a CLI entry point. A reader that stops early (`... | head`) is not an
 * error of ours: the entry ends quietly instead of crashing on EPIPE.
 */
export function processIo(): CliIo {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
}

import type { CliIo } from './io';

/**
 * The process's own input and output for a CLI entry point. A reader that stops early (`... | head`) is not an
 * error of ours: the entry ends quietly instead of crashing on EPIPE. Output that cannot be written otherwise is
 * an error, said in words rather than as a stack trace.
 */
export function processIo(): CliIo {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Anything else (ENOBUFS, ENOSPC on a redirect) lost output: said in one line, and the run failed.
    process.stderr.write(`redline: could not write the output: ${error.message}\n`);
    process.exit(1);
  });
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    write: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
}

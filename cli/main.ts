import type { CliIo } from './io';
import { isFileMetrics } from './fileMetricsArgs';

// A reader that stops early (`... | head`) is not an error of ours: end quietly instead of crashing on EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const io: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
};
const argv = process.argv.slice(2);

// Loaded on demand (the bundle initialises a module when it is first imported): file-to-file metrics load only
// the metrics code — not the store, formats, checks or zod, whose loading cost more than the metrics themselves.
async function main(): Promise<number> {
  if (isFileMetrics(argv)) return (await import('./quickMetrics')).runFileMetrics(argv, io);
  return (await import('./run')).runCliPrepared(argv, io);
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    io.err(`redline: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

import { processIo } from './processIo';
import { isFileMetrics } from './fileMetricsArgs';

const io = processIo();
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

import type { CliIo } from './io';
import { fileMetrics } from './commands/metricsReport';
import { runCommands } from './runCommands';

export { isFileMetrics } from './fileMetricsArgs';

/** Runs `metrics MT_FILE PE_FILE` with the same parsing, usage and messages as the full CLI. */
export function runFileMetrics(argv: readonly string[], io: CliIo): number {
  return runCommands(argv, io, { metrics: fileMetrics });
}

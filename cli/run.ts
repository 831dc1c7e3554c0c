import { backupCommand, restoreCommand } from './commands/backup';
import { check } from './commands/check';
import { diff } from './commands/diff';
import { exportCommand, formats, importCommand, segments } from './commands/documents';
import { metrics } from './commands/metrics';
import type { Command } from './args';
import type { CliIo } from './io';
import { runCommands } from './runCommands';

export type { CliIo } from './io';
export { USAGE } from './usage';

const COMMANDS: Record<string, Command> = {
  segments,
  backup: backupCommand,
  restore: restoreCommand,
  import: importCommand,
  export: exportCommand,
  metrics,
  diff,
  check,
  formats,
};

/** Runs one CLI command; returns the exit code. Errors are printed, never thrown. */
export function runCli(argv: readonly string[], io: CliIo): number {
  return runCommands(argv, io, COMMANDS);
}

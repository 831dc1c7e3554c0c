import { backupCommand, restoreCommand } from './commands/backup';
import { check } from './commands/check';
import { diff } from './commands/diff';
import { exportCommand, formats, importCommand, segments } from './commands/documents';
import { metrics } from './commands/metrics';
import type { AsyncCommand, Command } from './args';
import type { CliIo } from './io';
import { runCommands, runCommandsAsync } from './runCommands';
import { preparingOnDemand } from './store';

export type { CliIo } from './io';
export { USAGE } from './usage';

const COMMANDS: Record<string, Command> = {
  segments,
  restore: restoreCommand,
  import: importCommand,
  export: exportCommand,
  metrics,
  diff,
  check,
  formats,
};

/** Every command as the redline process runs them: `backup` waits for the online backup API, and a store
 * needing an upgrade is copied first (cli/store.ts preparingOnDemand). */
const PREPARED_COMMANDS: Record<string, AsyncCommand> = Object.fromEntries(
  Object.entries({ ...COMMANDS, backup: backupCommand }).map(([name, command]) => [name, preparingOnDemand(command)]),
);

/** Runs one CLI command as `redline` does (cli/main.ts); resolves to the exit code. Errors are printed, never thrown. */
export function runCliPrepared(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommandsAsync(argv, io, PREPARED_COMMANDS);
}

/**
 * The synchronous commands in-process (tests): no `backup`, and no copy before an upgrade, so a store that
 * needs one is refused untouched with the message. Returns the exit code; errors are printed, never thrown.
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  return runCommands(argv, io, COMMANDS);
}

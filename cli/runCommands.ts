import { parseArgs } from 'node:util';
import { RedlineError } from '../core/model/errors';
import { inStorageWords } from '../db/storageErrors';
import { OPTIONS, UsageError, type AsyncCommand, type CliOptions, type Command } from './args';
import type { CliIo } from './io';
import { USAGE } from './usage';

/**
 * Runs one CLI command of `commands`; returns the exit code. Errors are printed, never thrown. The full CLI
 * passes every command (cli/run.ts); the quick file-metrics entry passes only what it needs, so a run loads no
 * more code than its command uses.
 */
export function runCommands(argv: readonly string[], io: CliIo, commands: Readonly<Record<string, Command>>): number {
  try {
    const chosen = chooseCommand(argv, io, commands);
    return typeof chosen === 'number' ? chosen : chosen.command.run(chosen.args, chosen.options, io);
  } catch (error) {
    return failure(error, io);
  }
}

/** runCommands for commands that may be asynchronous (`backup`, and any that prepares the store first). */
export async function runCommandsAsync(argv: readonly string[], io: CliIo, commands: Readonly<Record<string, AsyncCommand>>): Promise<number> {
  try {
    const chosen = chooseCommand(argv, io, commands);
    return typeof chosen === 'number' ? chosen : await chosen.command.run(chosen.args, chosen.options, io);
  } catch (error) {
    return failure(error, io);
  }
}

/** The command named in `argv` with its arguments, or the exit code when the line only asked for help. */
function chooseCommand<C extends AsyncCommand>(
  argv: readonly string[],
  io: CliIo,
  commands: Readonly<Record<string, C>>,
): number | { command: C; args: string[]; options: CliOptions } {
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    tokens: true,
    options: OPTIONS,
  });
  const options: CliOptions = values;
  const [name, ...rest] = positionals;
  if (name === 'help' || options.help) {
    io.out(USAGE);
    return 0;
  }
  if (!name) throw new UsageError('Name a command.');
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) throw new UsageError(`Unknown command "${name}".`);
  for (const token of tokens) {
    if (token.kind === 'option' && !(command.options as readonly string[]).includes(token.name)) {
      throw new UsageError(`${name} does not take ${token.rawName}.`);
    }
  }
  return { command, args: rest, options };
}

function failure(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.err(`redline: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const inWords = inStorageWords(error);
  if (inWords instanceof RedlineError) {
    io.err(`redline: ${inWords.message}`);
    return 1;
  }
  io.err(`redline: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

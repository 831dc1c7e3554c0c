import { parseArgs } from 'node:util';
import { RedlineError } from '../core/model/errors';
import { DATABASE_FILE_NAME } from '../services/dataDir';
import { inStorageWords } from '../db/storageErrors';
import { OPTIONS, UsageError, type CliOptions, type Command } from './args';
import { backupCommand, restoreCommand } from './commands/backup';
import { check } from './commands/check';
import { diff } from './commands/diff';
import { exportCommand, formats, importCommand, segments } from './commands/documents';
import { metrics } from './commands/metrics';
import type { CliIo } from './io';

export type { CliIo } from './io';

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  segments FILE [--json]     the sentences (units) of a file, read as import reads it (any format, the
                             options below)
  import FILE                store a file as a new document and print its id
      --format F             its format (see formats); by default its extension and content decide
      --encoding E           its encoding (utf-8, utf-16le, windows-1251, koi8-r …); detected by default
      --source SRC           the source text of a plain-text MT, aligned sentence by sentence
      --source-encoding E    the source text's encoding (detected by default)
      --source-lang L, --target-lang L   the two languages of a TMX file (needed for three or more)
      --columns source=A,target=B,id=C   the columns of a CSV/TSV file (header names or 0-based numbers)
      --missing-targets empty|source     XLIFF units without a target: empty (default) or the source copied
  export ID --out FILE       write the reviewed document in its original format, layout and encoding
      --utf8                 in UTF-8 instead of the original encoding
      --format html          the HTML review report instead
  formats [--json]           the formats Redline reads and writes
  metrics MT_FILE PE_FILE    HTER (TER with shifts, as sacrebleu computes it) and character edit rate
                             of each MT line against the post-edit on the same line, and the corpus HTER
  metrics ID                 the same for a stored document (each MT sentence against its current text),
                             with its review figures
      --json                 print JSON: {"segments": [...], "corpus": {...}} (and "document" for an ID)
      --no-normalize         split words at spaces only (no tercom punctuation splitting)
      --ignore-case          compare words case-insensitively
  diff MT CORRECTION         word diff of two texts: [-deleted-]{+inserted+}, in colour on a terminal
      --json                 print the diff operations with their offsets as JSON
      --color, --no-color    force colours on or off (NO_COLOR also turns them off)
  check FILE…                flag sentences that look garbled (spacing, orphaned punctuation, quotes,
                             repeated words, duplicated subjects, leaked text, joined sentences, lost
                             attributions, mixed scripts, names spelled two ways, glossary terms,
                             target-language conventions, spelling, untranslated text) in one or several
                             files read as import reads them (the options of import, --source for a plain
                             text's source); prints each file's format and encoding
  check ID                   the same for a stored document (its current text, its languages)
      --json                 print [{"paragraph", "index", "text", "languages", "flags": [...]}] for every
                             sentence; a flag has check, severity, confidence (sure/possible), message,
                             start, end and its fix
      --glossary FILE.csv    use this glossary (columns preferred, forbidden, note) for terminology
      --source-lang L, --target-lang L  the languages of a FILE (BCP 47: en, de, ru); else detected
  backup                     a verified copy of the store now, in backups/ next to it
  restore                    list the backups with their dates and document counts
  restore N|FILE             put backup N (or FILE) in place of the store (close Redline first); the
                             store it replaces is kept beside it
  help                       show this text

TER and character edit rate are percentages. Put -- before texts that start with a dash.
The store is REDLINE_DATA_DIR/${DATABASE_FILE_NAME} if REDLINE_DATA_DIR is set,
otherwise the app's own data folder (shared with the desktop app).`;

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
  try {
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
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    for (const token of tokens) {
      if (token.kind === 'option' && !(command.options as readonly string[]).includes(token.name)) {
        throw new UsageError(`${name} does not take ${token.rawName}.`);
      }
    }
    return command.run(rest, options, io);
  } catch (error) {
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
}

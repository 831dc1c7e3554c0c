import type { FormatImportOptions, TableMapping } from '../core/formats/types';
import type { CliIo } from './io';

/** A mistake in the command line itself: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** Every option any command takes; each command says which of them it accepts. */
export const OPTIONS = {
  json: { type: 'boolean' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'no-normalize': { type: 'boolean' },
  'ignore-case': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  glossary: { type: 'string' },
  format: { type: 'string' },
  encoding: { type: 'string' },
  utf8: { type: 'boolean' },
  source: { type: 'string' },
  'source-encoding': { type: 'string' },
  'source-lang': { type: 'string' },
  'target-lang': { type: 'string' },
  columns: { type: 'string' },
  'missing-targets': { type: 'string' },
} as const;

export type OptionName = keyof typeof OPTIONS;

/** The parsed option values (absent when not given). */
export interface CliOptions {
  json?: boolean;
  out?: string;
  help?: boolean;
  'no-normalize'?: boolean;
  'ignore-case'?: boolean;
  color?: boolean;
  'no-color'?: boolean;
  glossary?: string;
  format?: string;
  encoding?: string;
  utf8?: boolean;
  source?: string;
  'source-encoding'?: string;
  'source-lang'?: string;
  'target-lang'?: string;
  columns?: string;
  'missing-targets'?: string;
}

/** The options that choose how a file is read (its format, encoding and the format's own), as import reads them. */
export const READ_OPTIONS = ['format', 'encoding', 'source-lang', 'target-lang', 'columns', 'missing-targets'] as const;

/** The read options given, as the services take them. */
export function readOptions(options: CliOptions): FormatImportOptions & { format?: string; encoding?: string } {
  const missing = options['missing-targets'];
  if (missing !== undefined && missing !== 'empty' && missing !== 'source') {
    throw new UsageError(`--missing-targets takes empty or source (got “${missing}”).`);
  }
  return {
    format: options.format,
    encoding: options.encoding,
    languages:
      options['source-lang'] || options['target-lang'] ? { sourceLang: options['source-lang'], targetLang: options['target-lang'] } : undefined,
    columns: options.columns ? parseColumns(options.columns) : undefined,
    ...(missing && { missingTargets: missing }),
  };
}

/**
 * A CSV column mapping from the command line: `source=EN,target=MT,id=ID` — header names, or 0-based column
 * numbers.
 */
export function parseColumns(text: string): TableMapping {
  const mapping: Partial<Record<'source' | 'target' | 'id' | 'notes', string | number>> = {};
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!key || !value || !['source', 'target', 'id', 'notes'].includes(key)) {
      throw new UsageError(`--columns takes source=…,target=…,id=… (got “${part}”).`);
    }
    mapping[key as 'source'] = /^\d+$/.test(value) ? Number(value) : value;
  }
  if (mapping.target === undefined) throw new UsageError('--columns needs target=… (the MT column).');
  return mapping as TableMapping;
}

export interface Command {
  /** The options the command accepts besides --help. */
  options: readonly OptionName[];
  /** Runs the command with its positional arguments; returns the exit code, throws on failure. */
  run(args: readonly string[], options: CliOptions, io: CliIo): number;
}

/** A command that may wait (the online backup API is asynchronous): run by runCommandsAsync. */
export interface AsyncCommand {
  options: readonly OptionName[];
  run(args: readonly string[], options: CliOptions, io: CliIo): number | Promise<number>;
}

/** A document id: a whole number from 1 up, written in plain digits. */
export function parseId(value: string | undefined): number {
  if (value === undefined) throw new UsageError('Missing document id.');
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) throw new UsageError(`"${value}" is not a document id.`);
  return Number(value);
}

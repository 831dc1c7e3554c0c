import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { RedlineError } from '../core/model/errors';
import { segmentText } from '../core/segmentation';
import { nodeNativeBinding } from '../db/nativeBinding';
import { createServices, type Services } from '../electron/services';
import { DATABASE_FILE_NAME, electronUserDataDir, resolveDataDir } from '../electron/services/dataDir';
import { readInputFile } from '../electron/services/files';
import { decodeTextFile } from '../electron/services/textFile';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
}

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  segments FILE [--json]     split a text file into paragraphs and sentences
  import FILE                store a text file as a new document and print its id
  export ID --out FILE       write the document's clean text, in the original layout
  help                       show this text

The store is REDLINE_DATA_DIR/${DATABASE_FILE_NAME} if REDLINE_DATA_DIR is set,
otherwise the app's own data folder (shared with the desktop app).`;

class UsageError extends Error {}

function parseId(value: string | undefined): number {
  if (value === undefined) throw new UsageError('Missing document id.');
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`"${value}" is not a document id.`);
  return Number(value);
}

function openServices(env: CliIo['env']): Services {
  const dataDir = resolveDataDir(env, () => electronUserDataDir(process.platform, env, homedir()));
  return createServices(join(dataDir, DATABASE_FILE_NAME), { nativeBinding: nodeNativeBinding() });
}

function withServices<T>(env: CliIo['env'], work: (services: Services) => T): T {
  const services = openServices(env);
  try {
    return work(services);
  } finally {
    services.close();
  }
}

/** Runs one CLI command; returns the exit code. Errors are printed, never thrown. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: 'boolean' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    const [command, ...rest] = positionals;
    if (command === 'help' || values.help) {
      io.out(USAGE);
      return 0;
    }
    if (!command) throw new UsageError('Name a command.');
    switch (command) {
      case 'segments': {
        const file = rest[0];
        if (!file) throw new UsageError('segments needs a FILE.');
        const { text } = decodeTextFile(readInputFile(file), basename(file));
        const segments = segmentText(text).segments.map(({ paragraph, index, text }) => ({ paragraph, index, text }));
        io.out(
          values.json
            ? JSON.stringify(segments, null, 2)
            : segments.map((s) => `${s.paragraph}.${s.index}\t${s.text}`).join('\n'),
        );
        return 0;
      }
      case 'import': {
        const file = rest[0];
        if (!file) throw new UsageError('import needs a FILE.');
        const doc = withServices(io.env, (services) => services.documents.importFile(file));
        io.out(values.json ? JSON.stringify(doc) : String(doc.id));
        return 0;
      }
      case 'export': {
        const id = parseId(rest[0]);
        if (!values.out) throw new UsageError('export needs --out FILE.');
        const out = values.out;
        withServices(io.env, (services) => services.documents.exportToFile(id, out));
        io.err(`Wrote ${out}`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`redline: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof RedlineError) {
      io.err(`redline: ${error.message}`);
      return 1;
    }
    io.err(`redline: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

const METRICS_OPTIONS = new Set(['--json', '--no-normalize', '--ignore-case']);

/**
 * Whether a command line is `metrics MT_FILE PE_FILE` with only metrics' own options: it needs no store and
 * none of the other commands' code (formats, checks, dictionaries, zod), so the CLI can run it from a small
 * module graph. Anything else, even a spelling of it this test does not recognise, goes the full way, which
 * gives the same answer. Its own module: the bundle's launcher (cli/launcher.ts) loads nothing else.
 */
export function isFileMetrics(argv: readonly string[]): boolean {
  if (argv[0] !== 'metrics') return false;
  const rest = argv.slice(1);
  const files = rest.filter((arg) => !arg.startsWith('-'));
  return files.length === 2 && !/^\d+$/.test(files[0]!) && rest.every((arg) => !arg.startsWith('-') || METRICS_OPTIONS.has(arg));
}

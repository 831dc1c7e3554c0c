import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isFileMetrics } from '../../cli/quickMetrics';
import { FIXTURE_PATH, tempDir } from '../electron/support';
import { apeFixture, builtCli, cli, file, runBuiltCli } from './support';

describe('isFileMetrics: which command lines the quick entry may take', () => {
  it.each([
    [['metrics', 'mt.txt', 'pe.txt'], true],
    [['metrics', 'mt.txt', 'pe.txt', '--json', '--no-normalize', '--ignore-case'], true],
    [['metrics', '--json', 'mt.txt', 'pe.txt'], true],
    [['metrics', '12'], false],
    [['metrics', '12', 'pe.txt'], false],
    [['metrics', 'mt.txt'], false],
    [['metrics', 'mt.txt', 'pe.txt', 'third.txt'], false],
    [['metrics', 'mt.txt', 'pe.txt', '--out', 'x'], false],
    [['metrics', 'mt.txt', 'pe.txt', '-h'], false],
    [['check', 'mt.txt', 'pe.txt'], false],
    [[], false],
  ])('%j → %s', (argv, expected) => {
    expect(isFileMetrics(argv)).toBe(expected);
  });
});

describe('the bundled CLI (dist-cli/redline.js), run from another folder', () => {
  it('measures two files without creating a store', () => {
    const ape = apeFixture();
    const dataDir = tempDir();
    const run = runBuiltCli(tempDir(), dataDir, 'metrics', ape.mtPath, ape.pePath, '--json');
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { segments: Array<{ line: number; edits: number; refWords: number }>; corpus: unknown };
    expect(report.segments.map(({ line, edits, refWords }) => ({ line, edits, refWords }))).toEqual(ape.reference);
    expect(report.corpus).toMatchObject({ edits: 7795, refWords: 33879 });
    expect(readdirSync(dataDir)).toEqual([]);
  }, 90_000);

  it('gives the quick entry’s usage errors in the full CLI’s words', () => {
    const missing = runBuiltCli(tempDir(), tempDir(), 'metrics', file('mt.txt', 'a\nb\n'), file('pe.txt', 'a\n'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^redline: .*mt\.txt has 2 lines but .*pe\.txt has 1: the MT and the post-edit need one segment a line/);
  }, 90_000);

  it('opens the store through the kept native binding, and reads the dictionaries', () => {
    const dataDir = tempDir();
    const imported = runBuiltCli(tempDir(), dataDir, 'import', FIXTURE_PATH);
    expect(imported.status, imported.stderr).toBe(0);
    expect(existsSync(`${dataDir}/redline.sqlite`) || readdirSync(dataDir).some((name) => name.endsWith('.sqlite'))).toBe(true);
    const id = imported.stdout.match(/\d+/)?.[0];
    expect(id).toBeDefined();
    const metrics = runBuiltCli(tempDir(), dataDir, 'metrics', id!, '--json');
    expect(metrics.status, metrics.stderr).toBe(0);
    expect(JSON.parse(metrics.stdout).document.segments).toBeGreaterThan(0);
    const checked = runBuiltCli(tempDir(), dataDir, 'check', file('de.txt', 'Das ist ein Satz mit einem Fehlre.\n'), '--target-lang', 'de', '--json');
    expect(checked.status, checked.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(checked.stdout))).toContain('"languages"');
  }, 90_000);
});

describe('output that cannot be written', () => {
  // /dev/full takes no byte: every write fails with ENOSPC, as a full disk under a redirect would.
  it.runIf(existsSync('/dev/full'))('is said in one line, not a stack trace, and the run fails', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${builtCli()}" diff "a b" "a c" > /dev/full`], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('redline: could not write the output: ENOSPC: no space left on device, write\n');
  }, 90_000);
});

describe('the lean metrics bundle answers as the in-process CLI does', () => {
  const inProcess = (args: string[]) => {
    const run = cli(args);
    return { status: run.code, stdout: run.out === '' ? '' : `${run.out}\n`, stderr: run.err === '' ? '' : `${run.err}\n` };
  };
  const built = (args: string[], threads = '2') => {
    const run = spawnSync(process.execPath, [builtCli(), ...args], {
      cwd: tempDir(),
      env: { ...process.env, REDLINE_DATA_DIR: tempDir(), REDLINE_METRICS_THREADS: threads },
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

  it.each([
    ['the APE pairs as JSON', () => [apeFixture().mtPath, apeFixture().pePath, '--json']],
    ['the APE pairs as a table, case-insensitive', () => [apeFixture().mtPath, apeFixture().pePath, '--ignore-case']],
    ['CRLF against LF, without normalization', () => [file('mt.txt', 'Hello, world!\r\nThe Cat sat.\r\n'), file('pe.txt', 'Hello , world !\nthe cat sat.'), '--no-normalize', '--json']],
    ['a UTF-8 byte-order mark', () => [file('mt.txt', '\uFEFFEin Satz.\n'), file('pe.txt', 'Ein  Satz !\n')]],
    ['a legacy encoding (handed to the full bundle)', () => [file('mt.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])), file('pe.txt', 'café au lait\n'), '--json']],
    ['UTF-16 with its mark (handed to the full bundle)', () => [file('mt.txt', 'Der Hund.\n'), file('pe.txt', utf16('Die Katze.\n')), '--json']],
    ['binary data', () => [file('mt.txt', 'A line.\n'), file('img.txt', Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01]))]],
    ['an empty MT file', () => [file('mt.txt', ' \n'), file('pe.txt', Buffer.from([0xe9]))]],
    ['lines that do not pair up', () => [file('mt.txt', 'One.\nTwo.\n'), file('pe.txt', 'One.\n')]],
    ['a missing file', () => [`${tempDir()}/nope.txt`, file('pe.txt', 'One.\n')]],
  ])('%s', (_name, args) => {
    const argv = ['metrics', ...args()];
    expect(built(argv)).toEqual(inProcess(argv));
  }, 90_000);

  it('gives the same report on one thread as on two', () => {
    const argv = ['metrics', apeFixture().mtPath, apeFixture().pePath, '--json'];
    const one = built(argv, '1');
    expect(one.status, one.stderr).toBe(0);
    expect(one).toEqual(built(argv, '2'));
  }, 90_000);
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../cli/run';
import { FIXTURE_BYTES, FIXTURE_PATH, FIXTURE_SEGMENTS, tempDir } from '../electron/support';
import { cli, file, runRealCli } from './support';

describe('runCli segments', () => {
  it('prints paragraph, index and text of every sentence as JSON', () => {
    const { code, out, err } = cli(['segments', FIXTURE_PATH, '--json']);
    expect(code).toBe(0);
    expect(err).toBe('');
    const segments = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(segments).toHaveLength(FIXTURE_SEGMENTS);
    for (const s of segments) expect(Object.keys(s)).toEqual(['paragraph', 'index', 'text']);
    expect(segments[0]).toEqual({ paragraph: 1, index: 1, text: 'date 2022-01-06 The situation in Kazakhstan remains tense.' });
    expect(segments[7]).toEqual({ paragraph: 2, index: 1, text: 'What’s happening in Kazakhstan' });
    expect(segments.at(-1)).toMatchObject({ paragraph: 31, index: 12 });
  });

  it('prints one tab-separated line per sentence without --json', () => {
    const { code, out } = cli(['segments', FIXTURE_PATH]);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toHaveLength(FIXTURE_SEGMENTS);
    expect(lines[1]).toBe(
      '1.2\tAfter the arson of the administrative buildings, protesters began to shoot at law enforcement officers.',
    );
  });

  it('does not touch the store', () => {
    const { dataDir } = cli(['segments', FIXTURE_PATH, '--json']);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe('runCli import and export', () => {
  it('imports a file, prints its id, and exports it byte for byte', () => {
    const dataDir = tempDir();
    const imported = cli(['import', FIXTURE_PATH], dataDir);
    expect(imported).toMatchObject({ code: 0, out: '1' });
    expect(existsSync(join(dataDir, 'redline.sqlite'))).toBe(true);
    expect(cli(['import', FIXTURE_PATH], dataDir).out).toBe('2');

    const target = join(tempDir(), 'clean.txt');
    const exported = cli(['export', '1', '--out', target], dataDir);
    expect(exported.code).toBe(0);
    expect(exported.out).toBe('');
    expect(exported.err).toBe(`Wrote ${target}`);
    expect(readFileSync(target).equals(FIXTURE_BYTES)).toBe(true);
  });

  it('prints the summary as JSON with --json', () => {
    const { code, out } = cli(['import', FIXTURE_PATH, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ id: 1, fileName: 'kazakhstan-mt.txt', segmentCount: FIXTURE_SEGMENTS, editedCount: 0 });
  });

  it('exports a BOM file with its BOM', () => {
    const dataDir = tempDir();
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('One.\r\nTwo.\r\n')]);
    cli(['import', file('bom.txt', bytes)], dataDir);
    const target = join(tempDir(), 'out.txt');
    expect(cli(['export', '1', '--out', target], dataDir).code).toBe(0);
    expect(readFileSync(target)).toEqual(bytes);
  });
});

describe('runCli failures (exit 1, a message naming the problem)', () => {
  it.each([
    ['segments', 'a missing file', () => join(tempDir(), 'nope.txt'), /nope\.txt does not exist\./],
    ['import', 'a missing file', () => join(tempDir(), 'nope.txt'), /nope\.txt does not exist\./],
    ['segments', 'a folder', () => tempDir(), /is a folder, not a file\./],
    ['import', 'a folder', () => tempDir(), /is a folder, not a file\./],
    ['segments', 'binary data', () => file('img.txt', Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01])), /img\.txt contains binary data/],
    ['import', 'binary data', () => file('img.txt', Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01])), /img\.txt contains binary data/],
    ['import', 'an empty file', () => file('empty.txt', ''), /empty\.txt is empty/],
  ])('%s of %s', (command, _name, path, message) => {
    const result = cli([command, path()]);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^redline: /);
    expect(result.err).toMatch(message);
    expect(result.err).not.toContain('Usage:');
  });

  it('a refused import stores no document', () => {
    const dataDir = tempDir();
    cli(['import', file('img.txt', Buffer.from([0x00]))], dataDir);
    const target = join(tempDir(), 'out.txt');
    expect(cli(['export', '1', '--out', target], dataDir).code).toBe(1);
  });

  it('export of an unknown id', () => {
    const target = join(tempDir(), 'out.txt');
    const result = cli(['export', '999', '--out', target]);
    expect(result).toMatchObject({ code: 1, err: 'redline: There is no document with id 999.' });
    expect(existsSync(target)).toBe(false);
  });

  it('export into a missing folder', () => {
    const dataDir = tempDir();
    cli(['import', FIXTURE_PATH], dataDir);
    const result = cli(['export', '1', '--out', join(tempDir(), 'missing', 'out.txt')], dataDir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^redline: Cannot write .*out\.txt \(ENOENT\)\.$/);
  });
});

describe('runCli usage errors (exit 2, with the usage)', () => {
  it.each([
    ['no command', []],
    ['an unknown command', ['frobnicate']],
    ['segments without a file', ['segments']],
    ['import without a file', ['import']],
    ['export without an id', ['export']],
    ['export without --out', ['export', '1']],
    ['--out without a value', ['export', '1', '--out']],
    ['a non-numeric id', ['export', 'abc', '--out', 'x.txt']],
    ['id 0', ['export', '0', '--out', 'x.txt']],
    ['a fractional id', ['export', '1.5', '--out', 'x.txt']],
    ['an exponent id', ['export', '1e3', '--out', 'x.txt']],
    ['a negative id (read as an option)', ['export', '-1', '--out', 'x.txt']],
    ['an unknown option', ['segments', FIXTURE_PATH, '--bogus']],
  ])('%s', (_name, argv) => {
    const result = cli(argv);
    expect(result.code).toBe(2);
    expect(`${result.out}\n${result.err}`).toContain(USAGE);
    expect(readdirSync(result.dataDir)).toEqual([]);
  });

  it('names the problem', () => {
    expect(cli(['frobnicate']).err).toMatch(/^redline: Unknown command "frobnicate"\./);
    expect(cli(['export', 'abc', '--out', 'x.txt']).err).toMatch(/^redline: "abc" is not a document id\./);
    // Beyond what a number holds exactly: not rounded to another id.
    expect(cli(['export', '99999999999999999999', '--out', 'x.txt']).err).toMatch(/^redline: "99999999999999999999" is not a document id\./);
    expect(cli(['export', '1']).err).toMatch(/^redline: export needs --out FILE\./);
  });

  it.each([['help'], ['--help'], ['-h']])('%s prints the usage and succeeds', (arg) => {
    expect(cli([arg])).toMatchObject({ code: 0, out: USAGE, err: '' });
  });
});

describe('the real CLI process', () => {
  it('prints JSON for segments and exits non-zero for a missing file', () => {
    const dataDir = tempDir();
    const run = (...args: string[]) => runRealCli(dataDir, ...args);

    const ok = run('segments', FIXTURE_PATH, '--json');
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(FIXTURE_SEGMENTS);

    const missing = run('segments', join(tempDir(), 'missing.txt'), '--json');
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('missing.txt does not exist.');
  }, 90_000);
});

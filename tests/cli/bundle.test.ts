import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isFileMetrics } from '../../cli/quickMetrics';
import { FIXTURE_PATH, tempDir } from '../electron/support';
import { apeFixture, file, runBuiltCli } from './support';

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

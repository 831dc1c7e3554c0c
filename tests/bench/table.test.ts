import { describe, expect, it } from 'vitest';
import { formatTable, type BenchRow, type SizeResult } from '../../bench/table';

const row = (key: string, label: string, value: number, baseline: number | null, unit: BenchRow['unit'] = 'ms'): BenchRow => ({
  key,
  label,
  value,
  unit,
  baseline: baseline === null ? null : { label: 'base', value: baseline, about: 'what the base is' },
});

describe('the book-length table', () => {
  const results: SizeResult[] = [
    { size: 1000, sentences: 1098, rows: [row('export', 'export', 60, 15), row('import', 'import', 500, 100), row('peak-rss', 'peak RSS', 250, null, 'MB')] },
    { size: 100000, sentences: 109650, rows: [row('import', 'import', 50_000, 6_000), row('export', 'export', 100, 40), row('peak-rss', 'peak RSS', 1700, null, 'MB')] },
  ];
  const table = formatTable(results).split('\n');

  it('puts the rows in the issue’s order, each figure beside its baseline with their ratio', () => {
    expect(table[0]).toMatch(/^\| figure \/ baseline +\| 1,098 sentences +\| 109,650 sentences +\| largest \/ smallest size \|$/);
    expect(table[2]).toMatch(/^\| import \/ base +\| 500 ms \/ 100 ms \(5\.0×\) +\| 50\.0 s \/ 6\.00 s \(8\.3×\) +\| 100× +\|$/);
    expect(table[3]).toMatch(/^\| export \/ base +\| 60 ms \/ 15 ms \(4\.0×\) +\| 100 ms \/ 40 ms \(2\.5×\) +\| 1\.7× \(flat\) +\|$/);
    expect(table[4]).toMatch(/^\| peak RSS +\| 250 MB +\| 1700 MB +\| 6\.8× +\|$/);
  });

  it('names the figures no module measured, and explains each baseline once', () => {
    expect(table).toContain('Not measured: first-screen, save, metrics-panel, propagation, search (no module in bench/rows/ gives that row yet).');
    expect(table.filter((line) => line === '  base: what the base is')).toHaveLength(1);
  });

  it('prints a row’s note for each size in its cell', () => {
    const noted = formatTable([
      { size: 1000, sentences: 1098, rows: [{ ...row('search', 'search x', 0.15, null), note: '1 hits on the page' }] },
      { size: 100000, sentences: 109650, rows: [{ ...row('search', 'search x', 2.4, null), note: '50 hits on the page' }] },
    ]).split('\n');
    expect(noted[2]).toMatch(/^\| search x +\| 0\.15 ms \(1 hits on the page\) +\| 2\.4 ms \(50 hits on the page\) +\| 16× +\|$/);
  });
});

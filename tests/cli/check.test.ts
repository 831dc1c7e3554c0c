import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../core/checks';
import { segmentText } from '../../core/segmentation';
import { documentCheckOptions } from '../../services/checkOptions';
import { FIXTURE_PATH, FIXTURE_TEXT, tempDir } from '../electron/support';
import { cli, file } from './support';

interface Row {
  paragraph: number;
  index: number;
  text: string;
  languages: { source: string | null; target: string | null };
  flags: Array<{ check: string; severity: string; confidence: string; message: string; start: number; end: number; fix?: string }>;
}

describe('cli check', () => {
  it('prints every sentence of a file with its flags, numbered as `segments` numbers them', () => {
    const result = cli(['check', FIXTURE_PATH, '--json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.out) as Row[];
    const segments = JSON.parse(cli(['segments', FIXTURE_PATH, '--json']).out) as Array<Omit<Row, 'flags'>>;
    expect(rows.map(({ paragraph, index, text }) => ({ paragraph, index, text }))).toEqual(segments);
    // Checked as the app checks it: the languages detected (English here), spelling included.
    const sentences = segmentText(FIXTURE_TEXT).segments;
    const expected = checkDocument(sentences, documentCheckOptions(sentences, {}));
    expect(rows.map((r) => r.flags.length)).toEqual(expected.map((f) => f.length));
    expect(rows[0]!.languages).toEqual({ source: null, target: 'en' });
    const tokayev = rows.find((r) => r.text.startsWith('President Kassym-Jomart Tokayev'))!;
    expect(tokayev.flags.map((f) => f.check)).toContain('resumptive-pronoun');
    for (const row of rows) {
      for (const flag of row.flags) {
        expect(['minor', 'major', 'critical']).toContain(flag.severity);
        expect(['sure', 'possible']).toContain(flag.confidence);
        expect(flag.start).toBeGreaterThanOrEqual(0);
        expect(flag.end).toBeLessThanOrEqual(row.text.length);
      }
    }
  });

  it('uses a glossary CSV for terminology', () => {
    const text = file('t.txt', 'They flew to Kiev on Monday.');
    const glossary = file('g.csv', 'preferred,forbidden\nKyiv,Kiev\n');
    const rows = JSON.parse(cli(['check', text, '--json', '--glossary', glossary]).out) as Row[];
    expect(rows[0]!.flags).toEqual([expect.objectContaining({ check: 'terminology', fix: 'They flew to Kyiv on Monday.' })]);
  });

  it('checks a stored document by id, its current text', () => {
    const dataDir = tempDir();
    const id = cli(['import', FIXTURE_PATH], dataDir).out.trim();
    const rows = JSON.parse(cli(['check', id, '--json'], dataDir).out) as Row[];
    expect(rows).toHaveLength(91);
    expect(rows.some((r) => r.flags.length > 0)).toBe(true);
  });

  it('prints a readable report without --json, and fails clearly on bad input', () => {
    const report = cli(['check', FIXTURE_PATH]);
    expect(report.out).toMatch(/\d+ of 91 sentences flagged\./);
    expect(cli(['check']).code).toBe(2);
    expect(cli(['check', '/no/such/file.txt'])).toMatchObject({ code: 1, err: expect.stringContaining('does not exist') });
    expect(cli(['check', '42']).code).toBe(1);
    const badGlossary = file('bad.csv', 'term\nKyiv\n');
    expect(cli(['check', FIXTURE_PATH, '--glossary', badGlossary])).toMatchObject({
      code: 1,
      err: expect.stringContaining('preferred'),
    });
  });
});

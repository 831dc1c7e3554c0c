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

  it('checks in the languages the file declares, as import takes them; --target-lang overrides', () => {
    const po = file(
      'de.po',
      'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\nmsgid "Open the file."\nmsgstr "Öffnen Sie die Datei."\n',
    );
    const rows = JSON.parse(cli(['check', po, '--json']).out) as Row[];
    // gettext names no source language; one short sentence is too little to detect it.
    expect(rows.map((r) => [r.text, r.languages])).toEqual([['Öffnen Sie die Datei.', { source: null, target: 'de' }]]);
    expect(cli(['check', po]).out).toContain('Checked as unknown → de.');
    expect((JSON.parse(cli(['check', po, '--json', '--target-lang', 'fr']).out) as Row[])[0]!.languages.target).toBe('fr');
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

describe('cli check and segments read files as import does', () => {
  const fixture = (name: string) => new URL(`../core/formats/fixtures/${name}`, import.meta.url).pathname;

  it('segments a Windows-1251 text that is not UTF-8', () => {
    const cp1251 = file('ru.txt', Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2e, 0x20, 0xca, 0xe0, 0xea, 0x20, 0xe4, 0xe5, 0xeb, 0xe0, 0x3f]));
    const result = cli(['segments', cp1251, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual([
      { paragraph: 1, index: 1, text: 'Привет.' },
      { paragraph: 1, index: 2, text: 'Как дела?' },
    ]);
  });

  it('checks an XLIFF by its units, not its markup, and says which format and encoding it read', () => {
    const result = cli(['check', fixture('segmented-1.2.xlf')]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('segmented-1.2.xlf: XLIFF, utf-8');
    expect(result.out).toMatch(/\d+ of 3 sentences flagged\./);
    expect(result.out).not.toContain('<trans-unit');
  });

  it('checks several files in turn, and a plain text with its source', () => {
    const mt = file('mt.txt', 'The meeting was held on 12 May. It ended.');
    const src = file('src.txt', 'Встреча состоялась 13 мая. Она закончилась.');
    const many = cli(['check', mt, fixture('fuzzy.po'), '--json']);
    expect(many.code).toBe(0);
    const files = JSON.parse(many.out) as Array<{ file: string; format: string; encoding: string; sentences: Row[] }>;
    expect(files.map((f) => [f.format, f.encoding, f.sentences.length])).toEqual([
      ['text', 'utf-8', 2],
      ['po', 'utf-8', 5],
    ]);
    const withSource = JSON.parse(cli(['check', mt, '--source', src, '--json']).out) as Row[];
    expect(withSource[0]!.flags.map((f) => f.check)).toContain('source-mismatch'); // 12 against 13: the source is read
    expect(cli(['check', mt, mt, '--source', src]).code).toBe(2);
  });

  it('checks every readable file when one of several cannot be read, reports that one in its place and fails', () => {
    const mt = file('mt.txt', 'The meeting was held on 12 May. It ended.');
    const broken = file('broken.xlf', '<xliff version="1.2"><file><body><trans-unit id="1"><source>Hi');
    const text = cli(['check', mt, broken, fixture('fuzzy.po')]);
    expect(text.code).toBe(1);
    expect(text.out).toContain(`== ${mt}: Plain text, utf-8`);
    expect(text.out).toMatch(/fuzzy\.po: gettext PO, utf-8\n[\s\S]*of 5 sentences flagged\./);
    expect(text.out.match(/sentences flagged/g)).toHaveLength(2);
    expect(text.err.trim().split('\n')).toEqual([expect.stringMatching(/^redline: broken\.xlf is not well-formed XML/)]);

    const json = cli(['check', mt, broken, fixture('fuzzy.po'), '--json']);
    expect(json.code).toBe(1);
    const files = JSON.parse(json.out) as Array<{ file: string; format?: string; sentences?: Row[]; error?: string }>;
    expect(files.map((f) => [f.file, f.format, f.sentences?.length])).toEqual([
      [mt, 'text', 2],
      [broken, undefined, undefined],
      [fixture('fuzzy.po'), 'po', 5],
    ]);
    expect(files[1]).toEqual({ file: broken, error: expect.stringMatching(/^broken\.xlf is not well-formed XML/) });
    expect(json.err).toContain(`redline: ${files[1]!.error}`);
  });

  it('fails as before when the one file, or every file, cannot be read', () => {
    const broken = file('broken.xlf', '<xliff version="1.2"><file><body><trans-unit id="1"><source>Hi');
    expect(cli(['check', broken, '--json'])).toMatchObject({ code: 1, out: '', err: expect.stringContaining('broken.xlf is not well-formed XML') });
    const both = cli(['check', broken, '/no/such/file.txt']);
    expect(both.code).toBe(1);
    expect(both.out).toBe('');
    expect(both.err).toMatch(/broken\.xlf[\s\S]*\/no\/such\/file\.txt does not exist/);
  });

  it('needs the pair of a three-language TMX, and lists the languages', () => {
    const refused = cli(['segments', fixture('memory.tmx')]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('memory.tmx holds 3 languages (en-US, ru-RU, de-DE)');
    const chosen = cli(['segments', fixture('memory.tmx'), '--source-lang', 'en-US', '--target-lang', 'de-DE', '--json']);
    expect(chosen.code).toBe(0);
  });
});

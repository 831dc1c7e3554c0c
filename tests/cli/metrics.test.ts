import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../cli/run';
import { charEditRate, segmentMetrics } from '../../core/metrics';
import { FIXTURE_PATH, openTestServices, tempDir } from '../electron/support';
import { apeFixture, cli, file, runRealCli } from './support';

interface Report {
  segments: Array<{ line: number; edits: number; refWords: number; ter: number; charEditRate: number }>;
  corpus: { ter: number; edits: number; refWords: number };
  document?: Record<string, unknown>;
}

const parse = (out: string) => JSON.parse(out) as Report;

describe('metrics MT_FILE PE_FILE on the shared APE pairs', () => {
  const ape = apeFixture();

  it("gives every line sacrebleu's edits and reference words, and the corpus HTER", () => {
    const { code, out, err } = cli(['metrics', ape.mtPath, ape.pePath, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = parse(out);
    expect(Object.keys(report)).toEqual(['segments', 'corpus']);
    expect(report.segments).toHaveLength(2000);
    for (const s of report.segments) expect(Object.keys(s)).toEqual(['line', 'edits', 'refWords', 'ter', 'charEditRate']);
    expect(report.segments.map(({ line, edits, refWords }) => ({ line, edits, refWords }))).toEqual(ape.reference);
    expect(report.segments[1]!.ter).toBeCloseTo(21.4286, 4); // 3 edits over 14 words
    expect(Object.keys(report.corpus)).toEqual(['ter', 'edits', 'refWords']);
    expect(report.corpus).toMatchObject({ edits: 7795, refWords: 33879 });
    expect(report.corpus.ter).toBe((100 * 7795) / 33879);
    expect(report.corpus.ter.toFixed(2)).toBe('23.01');
  });

  it('prints a table and the corpus line without --json', () => {
    const { code, out } = cli(['metrics', ape.mtPath, ape.pePath]);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toHaveLength(1 + 2000 + 1);
    expect(lines[0]).toMatch(/^line\s+edits\s+ref words\s+TER %\s+chrER %$/);
    expect(lines[2]!.trim().split(/\s+/).slice(0, 4)).toEqual(['2', '3', '14', '21.43']);
    expect(lines.at(-1)).toBe('corpus: TER 23.01% (7795 edits over 33879 reference words)');
  });
});

describe('metrics on a hand-made pair', () => {
  // CRLF with a final newline against LF without one: two segments each.
  const pair = () => ({
    mt: file('mt.txt', 'Hello, world!\r\nThe Cat sat.\r\n'),
    pe: file('pe.txt', 'Hello , world !\nthe cat sat.'),
  });
  const figures = (report: Report) => report.segments.map(({ line, edits, refWords }) => [line, edits, refWords]);

  it.each([
    ['tercom normalization, case-sensitive (the default)', [], [[1, 0, 4], [2, 2, 4]], [2, 8]],
    ['--ignore-case', ['--ignore-case'], [[1, 0, 4], [2, 0, 4]], [0, 8]],
    ['--no-normalize (words split at spaces only)', ['--no-normalize'], [[1, 4, 4], [2, 2, 3]], [6, 7]],
    ['both', ['--no-normalize', '--ignore-case'], [[1, 4, 4], [2, 0, 3]], [4, 7]],
  ])('%s', (_name, flags, segments, [edits, refWords]) => {
    const { mt, pe } = pair();
    const { code, out } = cli(['metrics', mt, pe, '--json', ...flags]);
    expect(code).toBe(0);
    const report = parse(out);
    expect(figures(report)).toEqual(segments);
    expect(report.corpus).toEqual({ ter: (100 * edits!) / refWords!, edits, refWords });
    for (const s of report.segments) expect(s.ter).toBe((100 * s.edits) / s.refWords);
    // The character edit rate compares the texts as they are, whatever the word options.
    expect(report.segments.map((s) => s.charEditRate)).toEqual([
      charEditRate('Hello, world!', 'Hello , world !'),
      charEditRate('The Cat sat.', 'the cat sat.'),
    ]);
  });

  it('follows the empty-reference rule and counts empty lines as segments', () => {
    const mt = file('mt.txt', 'Gone entirely.\n\nSame.\n');
    const pe = file('pe.txt', '\nNew words here.\nSame.\n');
    const report = parse(cli(['metrics', mt, pe, '--json']).out);
    expect(report.segments.map(({ edits, refWords, ter }) => [edits, refWords, ter])).toEqual([
      [3, 0, 100],
      [4, 4, 100],
      [0, 2, 0],
    ]);
    expect(report.corpus).toEqual({ ter: (100 * 7) / 6, edits: 7, refWords: 6 });
  });
});

describe('metrics failures (exit 1, a message naming the problem)', () => {
  it('files with different line counts', () => {
    const mt = file('mt.txt', 'One.\nTwo.\nThree.\n');
    const pe = file('pe.txt', 'One.\nTwo.\n');
    const result = cli(['metrics', mt, pe]);
    expect(result).toMatchObject({ code: 1, out: '' });
    expect(result.err).toBe(
      `redline: ${mt} has 3 lines but ${pe} has 2: the MT and the post-edit need one segment a line, aligned line by line.`,
    );
  });

  const good = () => file('good.txt', 'A line.\n');
  it.each([
    ['a missing MT file', () => [tempDir() + '/nope.txt', good()], /nope\.txt does not exist\./],
    ['a missing post-edit file', () => [good(), tempDir() + '/nope.txt'], /nope\.txt does not exist\./],
    ['a folder', () => [tempDir(), good()], /is a folder, not a file\./],
    ['binary data', () => [good(), file('img.txt', Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01]))], /img\.txt contains binary data/],
    ['an empty file', () => [good(), file('empty.txt', '')], /empty\.txt is empty/],
  ])('%s', (_name, paths, message) => {
    const result = cli(['metrics', ...paths(), '--json']);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^redline: /);
    expect(result.err).toMatch(message);
    expect(result.err).not.toContain('Usage:');
  });

  it('reads a legacy-encoded file as import does (its encoding detected)', () => {
    const latin1 = file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const result = cli(['metrics', latin1, file('pe.txt', 'café\n'), '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out) as { corpus: { ter: number } }).corpus.ter).toBe(0);
  });

  it('an unknown document id', () => {
    expect(cli(['metrics', '999', '--json'])).toMatchObject({ code: 1, out: '', err: 'redline: There is no document with id 999.' });
  });
});

describe('metrics usage errors (exit 2, with the usage)', () => {
  it.each([
    ['no arguments', ['metrics']],
    ['three files', ['metrics', 'a.txt', 'b.txt', 'c.txt']],
    ['one file alone', ['metrics', 'a.txt']],
    ['id 0', ['metrics', '0']],
    ['an option of another command', ['metrics', 'a.txt', 'b.txt', '--color']],
    ['--out', ['metrics', '1', '--out', 'x.txt']],
  ])('%s', (_name, argv) => {
    const result = cli(argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(USAGE);
  });

  it('refuses an XML file, whose lines are markup, and says how to measure its units', () => {
    const xliff = file('units.xlf', '<?xml version="1.0"?>\n<xliff version="1.2"><file><body>\n</body></file></xliff>\n');
    const plain = file('plain.txt', 'One.\nTwo.\nThree.\n');
    const { code, err } = cli(['metrics', xliff, plain]);
    expect(code).not.toBe(0);
    expect(err).toContain(`${xliff} is an XML file (XLIFF, TMX…): metrics compares two plain-text files line by line.`);
    // The lean bundle, as `npm run cli` runs it, says the same.
    const real = runRealCli(tempDir(), 'metrics', plain, xliff);
    expect(real.status).not.toBe(0);
    expect(real.stderr).toContain(`${xliff} is an XML file`);
    // A text line that merely mentions markup is text.
    expect(cli(['metrics', file('a.txt', 'Use <b> for bold.\n'), file('b.txt', 'Use <b> for bold text.\n')]).code).toBe(0);
  }, 60_000);

  it('names the problem', () => {
    expect(cli(['metrics', 'a.txt']).err).toMatch(/^redline: metrics needs MT_FILE and PE_FILE, or a document id; "a\.txt" alone/);
    expect(cli(['metrics', 'a', 'b', '--color']).err).toMatch(/^redline: metrics does not take --color\./);
  });
});

describe('metrics DOCUMENT_ID', () => {
  /** The sample article stored through the services, with one sentence corrected. */
  function editedDocument() {
    const { services, databaseFile } = openTestServices();
    const doc = services.documents.importFile(FIXTURE_PATH);
    const segments = services.segments.page(doc.id, 0, 1000).items;
    const target = segments[1]!;
    const correction = 'After the arson of the administrative buildings, protesters started to shoot at the police.';
    services.segments.update(target.id, correction, { editMs: 42_000, keystrokes: 120 });
    return { services, dataDir: dirname(databaseFile), doc, segments, target, correction };
  }

  it('gives each sentence the figures of segmentMetrics, the corpus, and the document metrics', () => {
    const { services, dataDir, doc, segments, target, correction } = editedDocument();
    const { code, out, err } = cli(['metrics', String(doc.id), '--json'], dataDir);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = parse(out);
    expect(Object.keys(report)).toEqual(['segments', 'corpus', 'document']);
    expect(report.segments.map((s) => s.line)).toEqual(segments.map((s) => s.position));

    const m = segmentMetrics(target.mtText, correction);
    expect(m.edits).toBeGreaterThan(0);
    expect(report.segments[1]).toEqual({ line: 2, edits: m.edits, refWords: m.refWords, ter: m.ter, charEditRate: m.charEditRate });
    for (const [k, s] of report.segments.entries()) {
      if (k === 1) continue;
      const untouched = segmentMetrics(segments[k]!.mtText, segments[k]!.mtText);
      expect(s).toEqual({ line: k + 1, edits: 0, refWords: untouched.refWords, ter: 0, charEditRate: 0 });
    }

    const document = services.metrics.document(doc.id);
    expect(report.document).toEqual(document);
    expect(document).toMatchObject({ untouched: segments.length - 1, totalEditMs: 42_000, keystrokes: 120 });
    expect(report.corpus).toEqual({ ter: document.ter, edits: document.edits, refWords: document.refWords });
  });

  it('passes the word options on', () => {
    const { services, dataDir, doc, target, correction } = editedDocument();
    const options = { normalize: false, caseSensitive: false };
    const report = parse(cli(['metrics', String(doc.id), '--json', '--no-normalize', '--ignore-case'], dataDir).out);
    const m = segmentMetrics(target.mtText, correction, options);
    expect(report.segments[1]).toMatchObject({ edits: m.edits, refWords: m.refWords, ter: m.ter });
    expect(report.document).toEqual(services.metrics.document(doc.id, options));
  });

  it('prints the table, the corpus line and the review figures without --json', () => {
    const { dataDir, doc, segments } = editedDocument();
    const { code, out } = cli(['metrics', String(doc.id)], dataDir);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines).toHaveLength(1 + segments.length + 4);
    expect(lines[1 + segments.length]).toMatch(/^corpus: TER \d+\.\d\d% \(\d+ edits over \d+ reference words\)$/);
    expect(lines.at(-3)).toBe(`document: ${segments.length} segments: ${segments.length - 1} untouched, 1 lightly corrected, 0 rewritten (HTER over 50%)`);
    expect(lines.at(-1)).toMatch(/^time: 42\.0 s editing \(median 42\.0 s a segment\), 120 keystrokes, \d+ words an hour$/);
  });
});

describe('metrics DOCUMENT_ID of a partly translated file', () => {
  const XLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a.txt" source-language="ru" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Один.</source><target>The city , of the country.</target></trans-unit>
<trans-unit id="2"><source>Два.</source><target></target></trans-unit>
<trans-unit id="3"><source>Три.</source><target></target></trans-unit>
</body></file></xliff>
`;

  it('leaves the units without MT out of the lines and the corpus, and counts them apart', () => {
    const { services, databaseFile } = openTestServices();
    const doc = services.documents.importFile(file('partly.xlf', XLIFF));
    const [withMt, translated] = services.segments.page(doc.id, 0, 10).items;
    services.segments.update(withMt!.id, 'The city of the country.', { editMs: 10_000, keystrokes: 3 });
    services.segments.update(translated!.id, 'Two words.', { editMs: 20_000, keystrokes: 10 });

    const report = parse(cli(['metrics', String(doc.id), '--json'], dirname(databaseFile)).out);
    const m = segmentMetrics(withMt!.mtText, 'The city of the country.');
    expect(report.segments).toEqual([{ line: 1, edits: m.edits, refWords: m.refWords, ter: m.ter, charEditRate: m.charEditRate }]);
    expect(report.corpus).toEqual({ ter: m.ter, edits: m.edits, refWords: m.refWords });
    expect(report.document).toMatchObject({ ter: m.ter, rewritten: 0, withoutMt: { segments: 2, translated: 1, words: 3, editMs: 20_000 } });

    const text = cli(['metrics', String(doc.id)], dirname(databaseFile)).out.split('\n');
    expect(text.at(-1)).toBe('without MT: 2 sentences, 1 translated (3 words, 20.0 s editing), not in the lines, HTER or words an hour above');
  });
});

describe('the real CLI process', () => {
  it('prints the metrics of the APE pairs as JSON', () => {
    const ape = apeFixture();
    const run = runRealCli(tempDir(), 'metrics', ape.mtPath, ape.pePath, '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const report = parse(run.stdout);
    expect(report.segments).toHaveLength(2000);
    expect(report.corpus).toMatchObject({ edits: 7795, refWords: 33879 });
    expect(report.corpus.ter.toFixed(2)).toBe('23.01');
  }, 90_000);
});

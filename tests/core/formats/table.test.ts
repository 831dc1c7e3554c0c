import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvFormat, detectDelimiter, detectTableMapping, parseTable, separatorHint } from '../../../core/formats/table';
import { thrown } from '../../support/thrown';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const REVIEW_CSV = fixture('review.csv');
const REVIEW_TSV = fixture('review.tsv');

describe('csvFormat on a real-world CSV', () => {
  const document = csvFormat.parse(REVIEW_CSV, 'review.csv');

  it('describes itself', () => {
    expect(csvFormat).toMatchObject({ id: 'csv', extensions: ['csv', 'tsv'], bilingual: true });
  });

  it('finds the header and maps the id, source, mt and notes columns by name, case-insensitively', () => {
    expect(detectTableMapping(REVIEW_CSV, 'review.csv')).toEqual({
      delimiter: ',',
      firstRow: ['ID', 'Source', 'MT', 'Notes'],
      header: true,
      mapping: { delimiter: ',', header: true, id: 0, source: 1, target: 2, notes: 3 },
    });
    expect(document.units).toEqual([
      { key: '101', paragraph: 1, source: 'The president declared a state of emergency.', target: 'Президент объявил режим ЧП.' },
      { key: '102', paragraph: 2, source: 'Prices for gas, he said, "will fall".', target: 'Цены на газ, по его словам, «снизятся».', notes: ['Check the quotes'] },
      { key: '103', paragraph: 3, source: 'Line one\r\nline two', target: 'Первая строка\r\nвторая строка' },
      { key: '104', paragraph: 4, source: 'Short row', target: 'Короткая строка' },
    ]);
  });

  it('gives the file back byte for byte, and the skeleton survives JSON', () => {
    expect(csvFormat.write(document, [])).toBe(REVIEW_CSV);
    expect(csvFormat.write(JSON.parse(JSON.stringify(document)), [])).toBe(REVIEW_CSV);
    const same = document.units.map((u) => ({ key: u.key, text: u.target, status: 'approved' as const }));
    expect(csvFormat.write(document, same)).toBe(REVIEW_CSV);
  });

  it('replaces only the target cells of edited rows, quoting where needed and keeping quoted cells quoted', () => {
    const out = csvFormat.write(document, [
      { key: '101', text: 'Президент объявил режим чрезвычайного положения.', status: 'confirmed' },
      { key: '104', text: 'Строка, с запятой и "кавычками"', status: 'edited' },
    ]);
    expect(out).toBe(
      REVIEW_CSV.replace('"Президент объявил режим ЧП."', '"Президент объявил режим чрезвычайного положения."').replace(
        'Short row,Короткая строка',
        'Short row,"Строка, с запятой и ""кавычками"""',
      ),
    );
    const again = csvFormat.parse(out, 'review.csv');
    expect(again.units.map((u) => u.target)).toEqual([
      'Президент объявил режим чрезвычайного положения.',
      'Цены на газ, по его словам, «снизятся».',
      'Первая строка\r\nвторая строка',
      'Строка, с запятой и "кавычками"',
    ]);
  });
});

describe('csvFormat on TSV and other layouts', () => {
  it('reads a TSV by its extension, maps source/target, and keeps quotes inside unquoted cells', () => {
    const document = csvFormat.parse(REVIEW_TSV, 'review.tsv');
    expect(document.skeleton.delimiter).toBe('\t');
    expect(document.units).toEqual([
      { key: '2', paragraph: 1, source: 'Hello, world.', target: 'Hallo, Welt.' },
      { key: '3', paragraph: 2, source: 'See "Settings".', target: 'Siehe "Einstellungen".', notes: ['UI string'] },
      { key: '4', paragraph: 3, source: 'Grüße', target: 'Grüße' },
    ]);
    expect(csvFormat.write(document, [])).toBe(REVIEW_TSV);
    expect(csvFormat.write(document, [{ key: '2', text: 'Hallo,\tWelt!', status: 'edited' }])).toBe(REVIEW_TSV.replace('Hallo, Welt.', '"Hallo,\tWelt!"'));
  });

  it('writes a TSV without quoting as a quoted one once a changed cell needs quotes, so every cell reads back', () => {
    const mapping = { id: 0, header: false, delimiter: '\t', target: 1 };
    const document = parseTable('r0\ta\nr1\tb\nr2\tc', 'x.tsv', mapping);
    const edits = ['a', 'two\nlines', '"quoted" start'];
    const out = csvFormat.write(document, document.units.map((u, i) => ({ key: u.key, text: edits[i]!, status: 'edited' as const })));
    expect(out).toBe('r0\ta\nr1\t"two\nlines"\nr2\t"""quoted"" start"');
    expect(parseTable(out, 'x.tsv', mapping).units.map((u) => u.target)).toEqual(edits);
  });

  it('writes a tab or line break as a space in a TSV whose kept cells begin with quotation marks as text', () => {
    const mapping = { id: 0, header: false, delimiter: '\t', target: 1 };
    const document = parseTable('r0\t"Bukan kes" akan\nr1\tb', 'x.tsv', mapping);
    const out = csvFormat.write(document, [{ key: 'r1', text: 'two\nlines\there', status: 'edited' }]);
    expect(out).toBe('r0\t"Bukan kes" akan\nr1\ttwo lines here');
    expect(parseTable(out, 'x.tsv', mapping).units.map((u) => u.target)).toEqual(['"Bukan kes" akan', 'two lines here']);
  });

  it('guesses a semicolon delimiter', () => {
    const text = 'source;mt\nA, b;C, d\n';
    expect(detectDelimiter(text, 'x.csv')).toBe(';');
    expect(csvFormat.parse(text, 'x.csv').units[0]).toMatchObject({ source: 'A, b', target: 'C, d' });
  });

  it('prefers the mt column over target and translation', () => {
    expect(detectTableMapping('Source,Target,MT\na,b,c', 'x.csv').mapping).toMatchObject({ source: 0, target: 2 });
    expect(detectTableMapping('src,translation\na,b', 'x.csv').mapping).toMatchObject({ source: 0, target: 1 });
  });

  it('reads a table without a header: one column is the MT, two are source and MT', () => {
    expect(csvFormat.parse('Hallo.\nWelt.\n', 'x.csv').units.map((u) => [u.key, u.source, u.target])).toEqual([
      ['1', null, 'Hallo.'],
      ['2', null, 'Welt.'],
    ]);
    expect(csvFormat.parse('Hello.,Hallo.\n', 'x.csv').units).toEqual([{ key: '1', paragraph: 1, source: 'Hello.', target: 'Hallo.' }]);
  });

  it('takes an explicit mapping by index or by name', () => {
    const text = 'a,b,c\nx1,y1,z1\nx2,y2,z2\n';
    expect(parseTable(text, 'x.csv', { target: 2, source: 0, header: true }).units.map((u) => u.target)).toEqual(['z1', 'z2']);
    expect(parseTable(text, 'x.csv', { target: 1 }).units.map((u) => u.target)).toEqual(['b', 'y1', 'y2']);
    expect(parseTable(text, 'x.csv', { target: 'C', id: 'a' }).units.map((u) => [u.key, u.target])).toEqual([
      ['x1', 'z1'],
      ['x2', 'z2'],
    ]);
  });

  it('fills in a target cell a short row lacks only when there is text for it', () => {
    const text = 'id,source,mt\n1,Hello\n2,World,Welt\n';
    const document = csvFormat.parse(text, 'x.csv');
    expect(document.units.map((u) => u.target)).toEqual(['', 'Welt']);
    expect(csvFormat.write(document, [{ key: '1', text: '', status: 'edited' }])).toBe(text);
    expect(csvFormat.write(document, [{ key: '1', text: 'Hallo', status: 'edited' }])).toBe('id,source,mt\n1,Hello,Hallo\n2,World,Welt\n');
    expect(csvFormat.write(parseTable('a\n1\n', 'x.csv', { source: 0, target: 2, header: true }), [{ key: '2', text: 'z', status: 'edited' }])).toBe('a\n1,,z\n');
  });

  it('keeps a BOM and blank rows as they are', () => {
    const text = '\uFEFFsource,mt\r\n\r\nA,B\r\n,\r\n';
    const document = csvFormat.parse(text, 'x.csv');
    expect(document.units).toEqual([{ key: '3', paragraph: 1, source: 'A', target: 'B' }]);
    expect(csvFormat.write(document, [{ key: '3', text: 'C', status: 'edited' }])).toBe('\uFEFFsource,mt\r\n\r\nA,C\r\n,\r\n');
  });
});

describe("csvFormat and Excel's sep= line", () => {
  const text = '\uFEFFsep=;\r\nsource;target\r\nHello.;Hallo.\r\nA, b;C, d\r\n';

  it('takes the delimiter from the line, reads the next row as the header and keeps the line on export', () => {
    expect(detectDelimiter(text, 'x.csv')).toBe(';');
    expect(detectTableMapping(text, 'x.csv')).toMatchObject({ delimiter: ';', header: true, firstRow: ['source', 'target'] });
    const document = csvFormat.parse(text, 'x.csv');
    expect(document.units.map((u) => [u.source, u.target])).toEqual([
      ['Hello.', 'Hallo.'],
      ['A, b', 'C, d'],
    ]);
    expect(csvFormat.write(document, [])).toBe(text);
    expect(csvFormat.write(document, [{ key: document.units[0]!.key, text: 'Hallo!', status: 'edited' }])).toBe(text.replace('Hallo.', 'Hallo!'));
  });

  it('overrides the guess and the .tsv extension, and names the line of an error as the file numbers it', () => {
    expect(csvFormat.parse('sep=,\nsource,mt\na;b,c;d\n', 'x.tsv').units[0]).toMatchObject({ source: 'a;b', target: 'c;d' });
    expect(thrown(() => csvFormat.parse('sep=,\nid,mt\n1,a\n,b\n', 'x.csv')).message).toBe('x.csv, line 4: the id cell is empty.');
  });

  it('is only a first line of exactly sep= and one character', () => {
    expect(separatorHint('\uFEFFsep=\t')).toEqual({ delimiter: '\t', body: 6 });
    for (const other of ['source;mt\nsep=;\n', 'sep=;;\nsource;mt\n', 'sep=\nsource;mt\n', ' sep=;\nsource;mt\n', 'sep="\nsource;mt\n']) {
      expect(separatorHint(other), other).toBeNull();
    }
    expect(csvFormat.parse('source;mt\nsep=;;x\n', 'x.csv').units[0]).toMatchObject({ source: 'sep=', target: '' });
  });
});

describe('csvFormat errors', () => {
  it.each([
    ['broken.csv', 'broken.csv, line 2: a quoted cell is never closed.'],
    ['stray-quote.csv', 'stray-quote.csv, line 2: text after the closing quote of a cell (" and more,те").'],
  ])('names the line of a malformed %s', (file, message) => {
    expect(thrown(() => csvFormat.parse(fixture(file), file))).toMatchObject({ code: 'bad_input', message });
  });

  it('asks for a mapping when the header names no MT column or a wide table has no header', () => {
    expect(thrown(() => csvFormat.parse('id,source,comment\n1,a,b\n', 'x.csv')).message).toBe(
      'x.csv has no column for the machine translation: name one “mt”, “target” or “translation”, or choose the columns (columns: “id”, “source”, “comment”).',
    );
    expect(thrown(() => csvFormat.parse('a,b,c\n', 'x.csv')).message).toMatch(/^x\.csv has 3 columns and its first row \(“a”, “b”, “c”\) names none Redline knows/);
  });

  it('refuses one column as both source and machine translation, naming it', () => {
    expect(thrown(() => parseTable('source;target\nA;B\n', 'semi.csv', { source: 1, target: 'target' })).message).toBe(
      'semi.csv: the source and the machine translation are the same column (“target”); choose another for one of them.',
    );
    expect(thrown(() => parseTable('A,B\n', 'x.csv', { source: 0, target: 0, header: false })).message).toMatch(/same column \(column 0\)/);
    expect(parseTable('source;target\nA;B\n', 'semi.csv', { source: 0, target: 1 }).units.map((u) => [u.source, u.target])).toEqual([['A', 'B']]);
  });

  it('refuses unknown, empty and repeated ids', () => {
    expect(thrown(() => parseTable('a,b\n1,2\n', 'x.csv', { target: 'mt' })).message).toBe('x.csv has no “mt” column for the machine translation (columns: “a”, “b”).');
    expect(thrown(() => parseTable('a,b\n1,2\n', 'x.csv', { target: 'b', header: false })).message).toMatch(/named, but the table has no header row/);
    expect(thrown(() => parseTable('a,b\n1,2\n', 'x.csv', { target: 5 })).message).toBe('x.csv has no column 5 for the machine translation: its rows have at most 2 columns (0–1).');
    expect(thrown(() => parseTable('a,b\n1,2\n', 'x.csv', { source: 4, target: 1 })).message).toBe('x.csv has no column 4 for the source: its rows have at most 2 columns (0–1).');
    expect(thrown(() => parseTable('a\n1\n', 'x.csv', { target: 0, notes: 1, header: false })).message).toBe('x.csv has no column 1 for the notes: its rows have one column (0).');
    // A column only some rows reach is a column: the others have it empty.
    expect(parseTable('a,b\n1\n2,two\n', 'r.csv', { source: 0, target: 1, header: false }).units.map((u) => u.target)).toEqual(['b', '', 'two']);
    expect(thrown(() => csvFormat.parse('id,mt\n1,a\n,b\n', 'x.csv')).message).toBe('x.csv, line 3: the id cell is empty.');
    expect(thrown(() => csvFormat.parse('id,mt\n1,a\n"multi\nline",b\n1,c\n', 'x.csv')).message).toBe('x.csv, line 5: the id “1” is already used on line 2.');
  });
});

// --- Generated tables -----------------------------------------------------------------------------------------

const cellValue = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'Б', 'ü', ' ', ',', ';', '\t', '|', '"', '\n', '\r', '\r\n', 'x'), maxLength: 8 }),
  fc.string({ maxLength: 6 }),
);
const table = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  finalEol: fc.boolean(),
  width: fc.integer({ min: 1, max: 4 }),
  rows: fc.array(fc.array(fc.tuple(cellValue, fc.boolean()), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
});

/** Writes a generated table as CSV, quoting cells that need it and, at random, others too. */
type TableSpec = typeof table extends fc.Arbitrary<infer T> ? T : never;

function render({ delimiter, eol, finalEol, width, rows }: TableSpec): { text: string; values: string[][] } {
  const needs = (v: string) => v.includes(delimiter) || /["\r\n]/.test(v);
  // A first column that is never blank, so no row is skipped as blank.
  const values = rows.map((row, r) => [`r${r}`, ...row.slice(0, width - 1).map(([v]) => v)]);
  const text =
    rows
      .map((row, r) =>
        values[r]!.map((v, c) => (c > 0 && (needs(v) || row[c - 1]![1]) ? `"${v.replace(/"/g, '""')}"` : v)).join(delimiter),
      )
      .join(eol) + (finalEol ? eol : '');
  return { text, values };
}

describe('csvFormat properties', () => {
  it('guesses the delimiter of generated tables with two or more columns and a few rows', () => {
    fc.assert(
      fc.property(table, (spec) => {
        fc.pre(spec.width > 1 && spec.rows.length > 2);
        const { text } = render({ ...spec, rows: spec.rows.map((row) => row.map(([v, q]) => [v.replace(/[,;\t|]/g, ''), q] as [string, boolean])) });
        expect(detectDelimiter(text, spec.delimiter === '\t' ? 'x.tsv' : 'x.csv')).toBe(spec.delimiter);
      }),
      { numRuns: 300 },
    );
  });

  it('reads every generated cell exactly and gives the file back byte for byte', () => {
    fc.assert(
      fc.property(table, fc.nat(), (spec, pick) => {
        const { text, values } = render(spec);
        const target = pick % spec.width;
        const document = parseTable(text, 'x.csv', { target, id: 0, header: false, delimiter: spec.delimiter });
        expect(document.units.map((u) => u.target)).toEqual(values.map((row) => row[target]));
        expect(csvFormat.write(document, [])).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("a table behind Excel's sep= line reads as without it and is given back byte for byte", () => {
    fc.assert(
      fc.property(table, fc.nat(), (spec, pick) => {
        const { text, values } = render(spec);
        const hinted = `sep=${spec.delimiter}${spec.eol}${text}`;
        const target = pick % spec.width;
        const document = parseTable(hinted, 'x.csv', { target, id: 0, header: false });
        expect(document.units.map((u) => u.target)).toEqual(values.map((row) => row[target]));
        expect(csvFormat.write(document, [])).toBe(hinted);
      }),
      { numRuns: 300 },
    );
  });

  it('after an edit, the target cells read back as written and every other cell is unchanged', () => {
    fc.assert(
      fc.property(table, fc.array(cellValue, { minLength: 6, maxLength: 6 }), (spec, edits) => {
        fc.pre(spec.width > 1);
        const { text, values } = render(spec);
        const mapping = { id: 0, header: false, delimiter: spec.delimiter };
        const document = parseTable(text, 'x.csv', { ...mapping, target: 1 });
        const reviewed = document.units.map((u, i) => ({ key: u.key, text: edits[i]!, status: 'edited' as const }));
        const out = csvFormat.write(document, reviewed);
        const again = parseTable(out, 'x.csv', { ...mapping, target: 1 });
        expect(again.units.map((u) => u.target)).toEqual(reviewed.map((u) => u.text));
        expect(again.units.map((u) => u.key)).toEqual(values.map((row) => row[0]));
        if (spec.width > 2) {
          const third = parseTable(out, 'x.csv', { ...mapping, target: 2 });
          expect(third.units.map((u) => u.target)).toEqual(values.map((row) => row[2]));
        }
      }),
      { numRuns: 500 },
    );
  });
});

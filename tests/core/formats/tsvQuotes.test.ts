import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvFormat, parseTable, usesQuotes } from '../../../core/formats/table';
import { badInput } from '../../support/thrown';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('tab-separated files and quotation marks', () => {
  it('reads quotes in a TSV as text: a cell may start with a quoted phrase', () => {
    const text = fixture('quoted-cell.tsv');
    expect(usesQuotes(text, '\t')).toBe(false);
    const document = csvFormat.parse(text, 'quoted-cell.tsv');
    expect(document.units.map((u) => [u.source, u.target])).toEqual([
      ['The case will be presented to the cabinet.', '"Bukan kes" akan dibentangkan kepada kabinet.'],
      ['He said "no".', 'Dia berkata "tidak".'],
    ]);
    expect(csvFormat.write(document, [])).toBe(text);
    const edited = csvFormat.write(document, [{ key: '2', text: '"Bukan kes" akan dibentang kepada kabinet.', status: 'edited' }]);
    expect(edited).toBe(text.replace('dibentangkan', 'dibentang'));
    // A tab in a cell can only be written quoted, and this file's first cell, a quotation mark as text, keeps it
    // from reading as a quoted file: the tab is written as a space, and the file reads back as written.
    const tabbed = csvFormat.write(document, [{ key: '3', text: 'a\tb', status: 'edited' }]);
    expect(tabbed).toBe(text.replace('Dia berkata "tidak".', 'a b'));
    expect(csvFormat.parse(tabbed, 'quoted-cell.tsv').units.map((u) => u.target)).toEqual(['"Bukan kes" akan dibentangkan kepada kabinet.', 'a b']);
  });

  it('writes quoted the cells whose quotation marks, written as they are, would pair up across rows', () => {
    const mapping = { id: 0, target: 1, header: false, delimiter: '\t' };
    const document = parseTable('r0\ta\nr1\tb', 'x.tsv', mapping);
    const edits = [{ key: 'r0', text: '"', status: 'edited' as const }, { key: 'r1', text: 'so "', status: 'edited' as const }];
    const out = csvFormat.write(document, edits);
    expect(out).toBe('r0\t""""\nr1\t"so """');
    expect(parseTable(out, 'x.tsv', mapping).units.map((u) => u.target)).toEqual(['"', 'so "']);
  });

  it('keeps quoting for a plainly quoted TSV, and for CSV', () => {
    const text = fixture('plainly-quoted.tsv');
    expect(usesQuotes(text, '\t')).toBe(true);
    const document = csvFormat.parse(text, 'plainly-quoted.tsv');
    expect(document.units.map((u) => u.target)).toEqual(['Satu\ttab', 'Dua "dua"']);
    expect(csvFormat.write(document, [])).toBe(text);
    expect(csvFormat.write(document, [{ key: '3', text: 'Dua "tiga"', status: 'edited' }])).toBe(text.replace('"Dua ""dua"""', '"Dua ""tiga"""'));
    expect(usesQuotes('a,"b"\n', ',')).toBe(true);
  });

  it('reads a TSV whose quotes do not close as unquoted, and refuses one whose columns it cannot tell, in one line', () => {
    const unclosed = fixture('plainly-quoted.tsv').replace('"Dua ""dua"""', '"Dua ""dua""');
    expect(csvFormat.parse(unclosed, 'unclosed.tsv').units.at(-1)?.target).toBe('"Dua ""dua""');
    const broken = fixture('quoted-cell.tsv').replace('source\tmt', 'English\tMalay\tRemark');
    expect(badInput(() => csvFormat.parse(broken, 'broken.tsv'))).toBe(
      'broken.tsv has 3 columns and its first row (“English”, “Malay”, “Remark”) names none Redline knows: call the MT column “mt”, “target” or “translation” and the source “source”, or choose the columns.',
    );
  });
});

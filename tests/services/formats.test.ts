import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docxFormat } from '../../core/formats/docx';
import { RedlineError } from '../../core/model/errors';
import { openTestServices, SAMPLE } from '../electron/support';

const fixture = (name: string) => fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url));

describe('a TMX of three languages', () => {
  it('is refused without a chosen pair, listing the languages, and round-trips the pair chosen', () => {
    const { services, dir } = openTestServices();
    expect(() => services.documents.importFile(fixture('memory.tmx'))).toThrow(
      'memory.tmx holds 3 languages (en-US, ru-RU, de-DE): choose the two to review (the source and target language; on the command line --source-lang and --target-lang).',
    );
    expect(services.documents.list()).toEqual([]);
    const doc = services.documents.importFile(fixture('memory.tmx'), { languages: { sourceLang: 'en-US', targetLang: 'de-DE' } });
    const out = join(dir, 'out.tmx');
    services.documents.exportToFile(doc.id, out);
    expect(readFileSync(out)).toEqual(readFileSync(fixture('memory.tmx')));
  });
});

describe('format detection by content', () => {
  it('reads a Word document and an XLIFF whatever their names say', () => {
    const { services, dir } = openTestServices();
    const docx = join(dir, 'report.bin');
    writeFileSync(docx, readFileSync(fixture('report.docx')));
    expect(services.documents.format(services.documents.importFile(docx).id)).toBe('docx');
    const xliff = join(dir, 'exported');
    writeFileSync(xliff, readFileSync(fixture('help-de.xlf')));
    expect(services.documents.format(services.documents.importFile(xliff).id)).toBe('xliff');
  });

  it('reads UTF-16LE without a byte-order mark, and writes it back the same way', () => {
    const { services } = openTestServices();
    const doc = services.documents.importFile(fixture('utf16le-no-bom.txt'));
    expect(services.documents.inspectFile(fixture('utf16le-no-bom.txt'))).toMatchObject({ encoding: 'utf-16le' });
    expect(services.documents.exportBytes(doc.id)).toEqual(readFileSync(fixture('utf16le-no-bom.txt')));
  });

  it.each([
    ['page.html', /^page\.html looks like an HTML page, which Redline does not read; it reads Plain text, /],
    ['page.txt', /^page\.txt looks like an HTML page/],
    ['scan.pdf', /^scan\.pdf looks like a PDF document/],
    ['sheet.xlsx', /^sheet\.xlsx looks like a damaged ZIP archive|^sheet\.xlsx looks like an Excel workbook/],
  ])('refuses %s in one line, naming what it looks like, and stores nothing', (name, message) => {
    const { services, dir } = openTestServices();
    const path = join(dir, name);
    const contents: Record<string, Buffer> = {
      'page.html': readFileSync(fixture('page.html')),
      'page.txt': readFileSync(fixture('page.html')),
      'scan.pdf': Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'),
      'sheet.xlsx': Buffer.from('PK\x03\x04 not really a zip'),
    };
    writeFileSync(path, contents[name]!);
    let error: unknown;
    try {
      services.documents.importFile(path);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RedlineError);
    expect((error as RedlineError).message).toMatch(message);
    expect((error as RedlineError).message).not.toContain('\n');
    expect(services.documents.list()).toEqual([]);
  });
});

describe('import and export through the format registry', () => {
  it('gives an untouched XLIFF file back byte for byte', () => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture('article-ru-de.xlf'));
    expect(services.documents.format(doc.id)).toBe('xliff');
    const out = join(dir, 'out.xlf');
    services.documents.exportToFile(doc.id, out);
    expect(readFileSync(out)).toEqual(readFileSync(fixture('article-ru-de.xlf')));
  });

  it.each([
    ['guide.md', 'markdown'],
    ['help-de.xlf', 'xliff'],
    ['review.csv', 'csv'],
    ['review.tsv', 'csv'],
    ['messages.po', 'po'],
    ['news.txt', 'text'],
    ['encoding/ru-koi8-r.txt', 'text'],
    ['encoding/ru-windows-1251.txt', 'text'],
    ['encoding/de-windows-1252.txt', 'text'],
    ['review.sdlxliff', 'sdlxliff'],
    ['review-as-xlf.xlf', 'sdlxliff'], // by content: the extension says XLIFF, the root Trados
    ['segmented-1.2.xlf', 'xliff'],
    ['partial-1.2.xlf', 'xliff'],
    ['partial-2.0.xlf', 'xliff'],
    ['utf16le-no-bom.txt', 'text'],
    // Their states imported as statuses, which the export writes back as they came.
    ['levels.sdlxliff', 'sdlxliff'],
    ['states-1.2.xlf', 'xliff'],
    ['states-2.0.xlf', 'xliff'],
    ['review.mqxliff', 'mqxliff'],
  ])('gives %s (%s) back byte for byte when nothing was changed', (name, format) => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture(name));
    expect(services.documents.format(doc.id)).toBe(format);
    const out = join(dir, 'out');
    services.documents.exportToFile(doc.id, out);
    expect(readFileSync(out)).toEqual(readFileSync(fixture(name)));
  });

  it.each(['broken.csv', 'broken.po', 'broken.tmx', 'malformed-2.0.xlf', 'broken.sdlxliff', 'broken.mqxliff', 'broken-textboxes.docx', 'xxe.xlf'])(
    'refuses %s with a clear error and stores nothing',
    (name) => {
      const { services } = openTestServices();
      let error: unknown;
      try {
        services.documents.importFile(fixture(name));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(RedlineError);
      expect((error as Error).message).toContain(name);
      expect(services.documents.list()).toEqual([]);
    },
  );

  it('reads a Word document and writes a correction back into it, formatting kept', () => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture('report.docx'));
    const first = services.segments.page(doc.id, 0, 1).items[0]!;
    const corrected = `${first.mtText.replace(/\.$/, '')} (revised).`;
    services.segments.update(first.id, corrected);
    const out = join(dir, 'out.docx');
    services.documents.exportToFile(doc.id, out);
    const reread = docxFormat.parseBytes(readFileSync(out), 'out.docx');
    expect(reread.units[0]!.target).toBe(corrected);
    const original = docxFormat.parseBytes(readFileSync(fixture('report.docx')), 'report.docx');
    expect(reread.units.slice(1).map((u) => u.target)).toEqual(original.units.slice(1).map((u) => u.target));
  });

  it('refuses a file that only pretends to be a Word document, storing nothing', () => {
    const { services, dir } = openTestServices();
    const fake = join(dir, 'fake.docx');
    writeFileSync(fake, 'not a zip at all');
    expect(() => services.documents.importFile(fake)).toThrow(RedlineError);
    expect(services.documents.list()).toEqual([]);
  });
});

describe('an XLIFF 2 file without trgLang', () => {
  it('gets the target language chosen for the document when a translation is written into it', () => {
    const { services, dir } = openTestServices();
    const file = join(dir, 'notrg.xlf');
    writeFileSync(
      file,
      '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en">' +
        '<file id="f1"><unit id="u1"><segment><source>Hello world.</source></segment></unit></file></xliff>\n',
    );
    const doc = services.documents.importFile(file);
    const [segment] = services.segments.page(doc.id, 0, 10).items;
    services.segments.update(segment!.id, 'Hallo Welt.');
    const out = join(dir, 'out.xlf');
    expect(() => services.documents.exportToFile(doc.id, out)).toThrow(/^Segment "u1" needs a <target>/);
    services.checks.setLanguages(doc.id, { source: null, target: 'de' });
    services.documents.exportToFile(doc.id, out);
    expect(readFileSync(out, 'utf8')).toContain('version="2.0" srcLang="en" trgLang="de"><file id="f1">');
  });
});

describe('CSV export of any document', () => {
  it('lists position, source, MT, final text, status, note and reject reason per sentence', () => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture('article-ru-de.xlf'));
    const first = services.segments.page(doc.id, 0, 1).items[0]!;
    services.segments.update(first.id, 'Der Präsident, "neu".');
    services.segments.note(first.id, 'Prüfen');
    const out = join(dir, 'out.csv');
    services.documents.exportCsv(doc.id, out);
    const lines = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('position,source,mt,final,status,note,reject_reason');
    expect(lines[1]).toContain('"Der Präsident, ""neu""."');
    expect(lines[1]).toMatch(/,edited,Prüfen,$/);
    // The XLIFF's inline tags are written as the numbers on their chips, not as private-use characters.
    const csv = readFileSync(out, 'utf8');
    expect(csv).not.toMatch(/[\uE000-\uEFFF]/u);
    expect(csv).toMatch(/\{1\}[^{,]+\{2\}/u);
  });

  it('gives a rejected sentence the reason of its last rejection, and none once it has another status', () => {
    const { services, dir } = openTestServices();
    const doc = services.openSample(SAMPLE);
    const [first, second] = services.segments.page(doc.id, 0, 2).items;
    services.segments.setStatus(first!.id, 'rejected', 'Wrong register');
    services.segments.setStatus(first!.id, 'rejected', 'Wrong register, and a name spelled two ways');
    services.segments.setStatus(second!.id, 'rejected', 'Garbled');
    services.segments.setStatus(second!.id, 'edited');
    const [third] = services.segments.page(doc.id, 2, 1).items;
    // Rejected, undone and redone: rejected again, for the reason it was.
    services.segments.setStatus(third!.id, 'rejected', 'Omission');
    services.batches.undoLast(doc.id);
    services.batches.redoLast(doc.id);
    const out = join(dir, 'out.csv');
    services.documents.exportCsv(doc.id, out);
    const rows = readFileSync(out, 'utf8').split('\r\n');
    expect(rows[1]).toMatch(/,rejected,,"Wrong register, and a name spelled two ways"$/);
    expect(rows[2]).toMatch(/,edited,,$/);
    expect(rows[3]).toMatch(/,rejected,,Omission$/);
    expect(services.report.reportData(doc.id).segments.slice(0, 3).map((s) => s.rejectReason)).toEqual([
      'Wrong register, and a name spelled two ways',
      '',
      'Omission',
    ]);
  });
});

describe('TMX export of the approved pairs', () => {
  it('writes the approved sentences with their sources, in the languages the XLIFF names', () => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture('article-ru-de.xlf'));
    const [first, second] = services.segments.page(doc.id, 0, 2).items;
    const out = join(dir, 'out.tmx');
    expect(() => services.documents.exportTmx(doc.id, out)).toThrow(/approved/);
    services.segments.update(first!.id, 'Der Präsident Kasachstans besuchte Tokio & Osaka.');
    services.segments.setStatus(first!.id, 'approved');
    services.segments.setStatus(second!.id, 'confirmed');
    services.documents.exportTmx(doc.id, out);
    const tmx = readFileSync(out, 'utf8');
    expect(tmx).toContain('srclang="ru"');
    expect(tmx).toContain('<tuv xml:lang="de"><seg>Der Präsident Kasachstans besuchte Tokio &amp; Osaka.</seg></tuv>');
    expect(tmx.match(/<tu /g)).toHaveLength(1);
  });

  it('names the languages the document was imported in when the file names none of its own (a TMX, a text with its source)', () => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture('memory.tmx'), { languages: { sourceLang: 'en-US', targetLang: 'ru-RU' } });
    const [first] = services.segments.page(doc.id, 0, 1).items;
    services.segments.setStatus(first!.id, 'approved');
    const out = join(dir, 'memory-out.tmx');
    services.documents.exportTmx(doc.id, out);
    const tmx = readFileSync(out, 'utf8');
    expect(tmx).toContain('srclang="en-US"');
    expect(tmx).toMatch(/<tuv xml:lang="ru-RU">/);
    expect(tmx).not.toContain('"und"');
  });
});

describe('a text with its source', () => {
  it('aligns the source sentences to the MT sentences by length and keeps the MT file as it was', () => {
    const { services, dir } = openTestServices();
    const mt = join(dir, 'mt.txt');
    const src = join(dir, 'src.txt');
    writeFileSync(mt, 'The situation remains tense. Thirteen officers were killed.\n\nThe airport was destroyed.');
    writeFileSync(src, 'Ситуация остаётся напряжённой. Погибли тринадцать силовиков.\n\nАэропорт разрушен.');
    const doc = services.documents.importWithSource(mt, src);
    expect(services.segments.page(doc.id, 0, 5).items.map((s) => s.sourceText)).toEqual([
      'Ситуация остаётся напряжённой.',
      'Погибли тринадцать силовиков.',
      'Аэропорт разрушен.',
    ]);
    const out = join(dir, 'out.txt');
    services.documents.exportToFile(doc.id, out);
    expect(readFileSync(out)).toEqual(readFileSync(mt));
  });
});

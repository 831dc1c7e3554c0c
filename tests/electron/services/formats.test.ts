import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docxFormat } from '../../../core/formats/docx';
import { RedlineError } from '../../../core/model/errors';
import { openTestServices } from '../support';

const fixture = (name: string) => fileURLToPath(new URL(`../../core/formats/fixtures/${name}`, import.meta.url));

describe('import and export through the format registry', () => {
  it('gives an untouched XLIFF file back byte for byte', () => {
    const { services, dir } = openTestServices();
    const doc = services.documents.importFile(fixture('article-ru-de.xlf'));
    expect(services.documents.format(doc.id)).toBe('xliff');
    const out = join(dir, 'out.xlf');
    services.documents.exportToFile(doc.id, out);
    expect(readFileSync(out)).toEqual(readFileSync(fixture('article-ru-de.xlf')));
  });

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

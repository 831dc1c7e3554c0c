import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RedlineError } from '../../core/model/errors';
import { openTestServices, SAMPLE } from '../electron/support';

describe('fix memory', () => {
  it('applies what it learnt to a document opened later, counting uses', () => {
    const { services } = openTestServices();
    const first = services.openSample(SAMPLE);
    const [one] = services.segments.page(first.id, 0, 200).items.filter((s) => s.mtText.includes('Alma-Ata'));
    services.propagation.apply(first.id, { find: 'Alma-Ata', replace: 'Almaty' }, [one!.id]);

    const later = services.openSample(SAMPLE);
    const preview = services.fixMemory.preview(later.id);
    expect(preview).toHaveLength(4);
    const outcome = services.fixMemory.apply(later.id, preview.map((p) => p.segmentId));
    expect(outcome.segments.every((s) => !s.currentText.includes('Alma-Ata'))).toBe(true);
    expect(services.fixMemory.list()[0]).toMatchObject({ uses: 5 });
  });

  it('can be edited, switched off and deleted', () => {
    const { services } = openTestServices();
    const doc = services.openSample(SAMPLE);
    const [s] = services.segments.page(doc.id, 0, 200).items.filter((x) => x.mtText.includes('Alma-Ata'));
    services.propagation.apply(doc.id, { find: 'Alma-Ata', replace: 'Almaty' }, [s!.id]);
    const rule = services.fixMemory.list()[0]!;
    expect(services.fixMemory.update(rule.id, { enabled: false })).toMatchObject({ enabled: false });
    expect(services.fixMemory.preview(services.openSample(SAMPLE).id)).toEqual([]);
    expect(services.fixMemory.update(rule.id, { replace: 'Almaty (Alma-Ata)' })).toMatchObject({ replace: 'Almaty (Alma-Ata)' });
    services.fixMemory.remove(rule.id);
    expect(services.fixMemory.list()).toEqual([]);
    expect(() => services.fixMemory.remove(rule.id)).toThrow(RedlineError);
  });

  it('exports to CSV and imports it back; a bad CSV names its line and imports nothing', () => {
    const { services, dir } = openTestServices();
    const csv = join(dir, 'rules.csv');
    writeFileSync(csv, 'find,replace,whole_word,case_sensitive,enabled\r\n"Alma-Ata","Almaty",yes,yes,yes\r\ncolour,color,no,no,no\r\n');
    expect(services.fixMemory.importCsv(csv)).toEqual({ count: 2 });
    const out = join(dir, 'out.csv');
    services.fixMemory.exportCsv(out);
    expect(readFileSync(out, 'utf8').split('\r\n')[0]).toBe('find,replace,whole_word,case_sensitive,enabled');
    const { services: fresh } = openTestServices();
    fresh.fixMemory.importCsv(out);
    expect(fresh.fixMemory.list().map(({ find, replace, wholeWord, caseSensitive, enabled }) => ({ find, replace, wholeWord, caseSensitive, enabled }))).toEqual(
      expect.arrayContaining([
        { find: 'Alma-Ata', replace: 'Almaty', wholeWord: true, caseSensitive: true, enabled: true },
        { find: 'colour', replace: 'color', wholeWord: false, caseSensitive: false, enabled: false },
      ]),
    );

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'find,replace,enabled\nok,fine,yes\nnope,x,maybe\n');
    expect(() => fresh.fixMemory.importCsv(bad)).toThrow(/line 3/);
    writeFileSync(bad, 'word,other\na,b\n');
    expect(() => fresh.fixMemory.importCsv(bad)).toThrow(/“find” and “replace”/);
    expect(fresh.fixMemory.list()).toHaveLength(2);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestServices } from '../electron/support';

describe('glossary', () => {
  it('saves, updates and removes terms, cleaning their variants', () => {
    const { services } = openTestServices();
    const term = services.glossary.save({ preferred: ' Almaty ', forbidden: ['Alma-Ata', ' Alma Ata ', 'Alma-Ata', 'Almaty'] });
    expect(term).toMatchObject({ preferred: 'Almaty', forbidden: ['Alma-Ata', 'Alma Ata'], note: '' });
    expect(services.glossary.save({ preferred: 'Almaty', forbidden: ['Alma-Ata'], note: 'city' }, term.id)).toMatchObject({
      forbidden: ['Alma-Ata'],
      note: 'city',
    });
    expect(() => services.glossary.save({ preferred: '  ', forbidden: [] })).toThrow(/preferred/);
    services.glossary.remove(term.id);
    expect(services.glossary.list()).toEqual([]);
  });

  it('round-trips through CSV with variants separated by |, and names a bad line', () => {
    const { services, dir } = openTestServices();
    services.glossary.save({ preferred: 'Almaty', forbidden: ['Alma-Ata', 'Alma Ata'], note: 'since 1993' });
    services.glossary.save({ preferred: 'Kyiv', forbidden: ['Kiev'] });
    const file = join(dir, 'g.csv');
    services.glossary.exportCsv(file);
    const { services: fresh } = openTestServices();
    expect(fresh.glossary.importCsv(file)).toEqual({ count: 2 });
    expect(fresh.glossary.list().map(({ preferred, forbidden, note }) => ({ preferred, forbidden, note }))).toEqual([
      { preferred: 'Almaty', forbidden: ['Alma-Ata', 'Alma Ata'], note: 'since 1993' },
      { preferred: 'Kyiv', forbidden: ['Kiev'], note: '' },
    ]);
    writeFileSync(file, 'preferred,forbidden\nKyiv,Kiev\n,orphan\n');
    expect(() => fresh.glossary.importCsv(file)).toThrow(/line 3/);
  });

  it('feeds the terminology check', () => {
    const { services } = openTestServices();
    services.glossary.save({ preferred: 'Almaty', forbidden: ['Alma-Ata'] });
    const doc = services.documents.importText({ fileName: 'a.txt', text: 'We flew to Alma-Ata yesterday.' });
    const checks = services.checks.document(doc.id);
    const flag = checks.segments[0]?.flags.find((f) => f.check === 'terminology');
    expect(flag?.fix).toBe('We flew to Almaty yesterday.');
  });
});

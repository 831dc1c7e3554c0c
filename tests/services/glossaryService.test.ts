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

  it('refuses a new term the glossary has already, keeping that term’s variants and note', () => {
    const { services } = openTestServices();
    services.glossary.save({ preferred: 'Almaty', forbidden: ['Alma-Ata', 'Alma Ata'], note: 'Client style guide p. 4' });
    expect(() => services.glossary.save({ preferred: ' Almaty', forbidden: ['Almati'] })).toThrow(
      'The glossary already has “Almaty”: change its variants or note in its row.',
    );
    expect(services.glossary.list()).toMatchObject([{ preferred: 'Almaty', forbidden: ['Alma-Ata', 'Alma Ata'], note: 'Client style guide p. 4' }]);
  });

  it('exports the check settings and word list beside the CSV, and brings them in with it', () => {
    const { services, dir } = openTestServices();
    services.glossary.save({ preferred: 'Almaty', forbidden: ['Alma-Ata'] });
    services.checks.setSetting(null, 'spelling', { enabled: false });
    services.checks.setSetting(null, 'conventions', { enabled: true, severity: 'major', showPossible: true });
    services.checks.addWord('Redline');
    const file = join(dir, 'terms.csv');
    expect(services.glossary.exportCsv(file)).toEqual({ path: file, count: 1, settingsPath: join(dir, 'terms.check-settings.json') });

    const { services: fresh } = openTestServices();
    fresh.checks.addWord('Redline'); // already known: not added twice
    expect(fresh.glossary.importCsv(file)).toEqual({ count: 1, settingsImported: true });
    expect(fresh.checks.settings(null)).toEqual(services.checks.settings(null));
    expect(fresh.checks.settings(null)).toMatchObject({ spelling: { enabled: false }, conventions: { enabled: true, severity: 'major', showPossible: true } });
    expect(fresh.checks.words()).toEqual(['redline']);
  });

  it('a glossary without settings beside it imports its terms alone; a damaged settings file is refused before anything is stored', () => {
    const { services, dir } = openTestServices();
    const file = join(dir, 'plain.csv');
    writeFileSync(file, 'preferred,forbidden,note\nKyiv,Kiev,\n');
    expect(services.glossary.importCsv(file)).toEqual({ count: 1, settingsImported: false });
    const other = join(dir, 'other.csv');
    writeFileSync(other, 'preferred,forbidden,note\nAlmaty,Alma-Ata,\n');
    writeFileSync(join(dir, 'other.check-settings.json'), JSON.stringify({ format: 'redline-check-settings', version: 1, settings: { grammar: { enabled: true } }, words: [] }));
    expect(() => services.glossary.importCsv(other)).toThrow(/other\.check-settings\.json is not a Redline check-settings file: settings/);
    expect(services.glossary.list().map((t) => t.preferred)).toEqual(['Kyiv']);
  });

  it('round-trips through CSV with variants separated by |, and names a bad line', () => {
    const { services, dir } = openTestServices();
    services.glossary.save({ preferred: 'Almaty', forbidden: ['Alma-Ata', 'Alma Ata'], note: 'since 1993' });
    services.glossary.save({ preferred: 'Kyiv', forbidden: ['Kiev'] });
    const file = join(dir, 'g.csv');
    services.glossary.exportCsv(file);
    const { services: fresh } = openTestServices();
    expect(fresh.glossary.importCsv(file)).toEqual({ count: 2, settingsImported: true });
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

import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../electron/support';
import { cli } from './support';

const fixture = (name: string) => fileURLToPath(new URL(`../core/formats/fixtures/${name}`, import.meta.url));

describe('cli import with format options', () => {
  it('takes the CSV columns from --columns (names or numbers)', () => {
    const dataDir = tempDir();
    const byName = cli(['import', fixture('review.csv'), '--columns', 'source=MT,target=Source,id=ID', '--json'], dataDir);
    expect(byName.code).toBe(0);
    const segments = JSON.parse(cli(['check', JSON.parse(byName.out).id, '--json'], dataDir).out) as Array<{ text: string }>;
    expect(segments[0]!.text).toBe('The president declared a state of emergency.');
    const byNumber = cli(['import', fixture('review.csv'), '--columns', 'source=1,target=2', '--json'], dataDir);
    expect(byNumber.code).toBe(0);
    const numbered = JSON.parse(cli(['check', JSON.parse(byNumber.out).id, '--json'], dataDir).out) as Array<{ text: string }>;
    expect(numbered[0]!.text).toBe('Президент объявил режим ЧП.');
    expect(cli(['import', fixture('review.csv'), '--columns', 'source=MT'], dataDir)).toMatchObject({ code: 2 });
  });

  it('takes the TMX languages from --source-lang and --target-lang', () => {
    const dataDir = tempDir();
    const german = cli(['import', fixture('memory.tmx'), '--source-lang', 'en-US', '--target-lang', 'de-DE', '--json'], dataDir);
    expect(german.code).toBe(0);
    const russian = cli(['import', fixture('memory.tmx'), '--target-lang', 'ru-RU', '--json'], dataDir);
    expect(russian.code).toBe(0);
    const texts = (out: string) =>
      (JSON.parse(cli(['check', JSON.parse(out).id, '--json'], dataDir).out) as Array<{ text: string }>).map((r) => r.text).join(' ');
    expect(texts(russian.out)).toMatch(/[а-я]/);
    expect(texts(german.out)).not.toMatch(/[а-я]/);
    expect(texts(german.out)).toMatch(/[äöüß]|\b(der|die|das)\b/i);
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { createServices } from '../../services';
import { DATABASE_FILE_NAME } from '../../services/dataDir';
import { onCleanup, tempDir } from '../electron/support';
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

  it('aligns a text with its --source, read in the --source-encoding given', () => {
    const dataDir = tempDir();
    const mt = join(dataDir, 'mt.txt');
    writeFileSync(
      mt,
      'The government resigned. Liquefied gas prices, according to the minister, "will be reduced in the coming days".\n' +
        'Residents of Zhanaozen took to the square on January 2 - they were supported in Aktau and Atyrau.\n',
    );
    const sourcesOf = (encoding: string) => {
      const args = ['import', mt, '--source', fixture('encoding/ru-koi8-r.txt'), '--source-encoding', encoding, '--json'];
      const imported = cli(args, dataDir);
      expect(imported.code).toBe(0);
      const services = createServices(join(dataDir, DATABASE_FILE_NAME), { nativeBinding: nodeNativeBinding() });
      onCleanup(() => services.close());
      return services.segments.page(JSON.parse(imported.out).id, 0, 10).items.map((s) => s.sourceText);
    };
    const sources = sourcesOf('koi8-r');
    expect(sources[0]).toBe('Правительство ушло в отставку.');
    expect(sources.join(' ')).toContain('Жители Жанаозена вышли на площадь');
    expect(sourcesOf('windows-1251')[0]).not.toContain('Правительство');
  });
});


import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { nodeNativeBinding } from '../../../cli/nativeBinding';
import { checkDocument } from '../../../core/checks';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { createServices } from '../../../services';
import { fixedClock, makeTempDir, NOW, openRaw } from '../testDb';

const TEXTS = ['Tokayev met officials in Almaty .', 'Then Tokayev left Alma-Ata.', 'He said , “it is done.'];

describe('migration 0007: stored flags', () => {
  const temp = makeTempDir();
  afterEach(() => temp.cleanup());

  it('upgrades a store at 0006 and fills the new tables for its documents on their first check', () => {
    const file = join(temp.dir, 'old.sqlite');
    const old = openRaw(file);
    old.pragma('foreign_keys = ON');
    migrate(old, fixedClock, MIGRATIONS.slice(0, 6));
    old.prepare(`INSERT INTO documents (title, file_name, format, leading, has_bom, created_at, opened_at)
                 VALUES ('Old', 'old.txt', 'text', '', 0, 1, 1)`).run();
    TEXTS.forEach((text, k) => {
      old.prepare(`INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, trailing, updated_at)
                   VALUES (1, ?, 1, ?, ?, ' ', 1)`).run(k + 1, text, text);
      old.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (?, ?, 'import', 1)").run(k + 1, text);
    });
    migrate(old, () => NOW, MIGRATIONS);
    const count = (table: string) => (old.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    // Not checked yet: no state, so the first read checks the document whole.
    expect(count('document_check_state')).toBe(0);
    old.close();

    const services = createServices(file, { clock: () => NOW, nativeBinding: nodeNativeBinding() });
    try {
      const expected = checkDocument(TEXTS.map((text) => ({ paragraph: 1, text, source: null })));
      const checks = services.checks.document(1);
      expect(checks.segments.map((s) => s.flags)).toEqual(expected.filter((f) => f.length > 0));
      expect(expected.flat().length).toBeGreaterThan(2);
      const counts: Record<string, number> = {};
      for (const flag of expected.flat()) counts[flag.check] = (counts[flag.check] ?? 0) + 1;
      expect(checks.counts).toEqual(counts);
    } finally {
      services.close();
    }
    const again = openRaw(file);
    expect((again.prepare('SELECT count(*) AS n FROM segment_flags').get() as { n: number }).n).toBe(TEXTS.length);
    expect((again.prepare('SELECT count(*) AS n FROM document_check_state').get() as { n: number }).n).toBe(1);
    again.close();
  });
});

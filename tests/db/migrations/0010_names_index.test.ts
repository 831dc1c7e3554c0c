import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { nodeNativeBinding } from '../../../cli/nativeBinding';
import { nameWords } from '../../../core/checks/nameWords';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { createServices } from '../../../services';
import { makeTempDir, NOW, openRaw } from '../testDb';
import type Database from 'better-sqlite3';
import { appliedVersions, expectRevisionsAppendOnly, storeAt } from './upgrade';

const TEXTS = ['Tokayev met officials in Almaty .', 'Then Tokayev left Alma-Ata.', 'He said , “it is done.'];
const BEFORE = MIGRATIONS.filter((m) => m.version < 10);

/** Every row of every table (tables without rowid included), each table's rows in the order of all its columns. */
function snapshot(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'segment_search%' AND name != 'schema_migrations'")
    .pluck()
    .all() as string[];
  const out: Record<string, unknown[]> = {};
  for (const name of tables) {
    const columns = (db.prepare(`SELECT count(*) AS n FROM pragma_table_info('${name}')`).get() as { n: number }).n;
    const order = Array.from({ length: columns }, (_, k) => k + 1).join(', ');
    out[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
  }
  return out;
}

describe('migration 0010: the names index as rows', () => {
  let temp: ReturnType<typeof makeTempDir> | undefined;
  afterEach(() => temp?.cleanup());

  it('keeps everything a store held, adds the empty index and drops only the check state', () => {
    const db = storeAt(5);
    migrate(db, () => NOW, BEFORE);
    db.prepare(`INSERT INTO document_check_state (document_id, glossary, names, typical_words, script)
                VALUES (1, '{}', '{"known":[],"variants":[]}', 7, 'Latin')`).run();
    const before = snapshot(db);
    migrate(db, () => NOW + 1, MIGRATIONS.filter((m) => m.version <= 10));
    const after = snapshot(db);
    expect(after.segment_names).toEqual([]);
    expect(after.document_check_state).toEqual([]);
    const { segment_names: _names, document_check_state: _state, ...rest } = after;
    const { document_check_state: _old, ...kept } = before;
    expect(rest).toEqual(kept);
    expect(appliedVersions(db).at(-1)).toEqual({ version: 10, name: 'names_index', appliedAt: NOW + 1 });
    expectRevisionsAppendOnly(db, {});
    db.close();
  });

  it('fills a checked document’s rows on its next read, and keeps them on every save', () => {
    temp = makeTempDir();
    const file = join(temp.dir, 'old.sqlite');
    const db = openRaw(file);
    db.pragma('foreign_keys = ON');
    migrate(db, () => NOW, BEFORE);
    // A document checked before the upgrade, as 0008 stored it: flags and check state, no names rows.
    db.prepare(`INSERT INTO documents (title, file_name, format, leading, has_bom, created_at, opened_at)
                VALUES ('Old', 'old.txt', 'text', '', 0, 1, 1)`).run();
    TEXTS.forEach((text, k) => {
      db.prepare(`INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, trailing, updated_at)
                  VALUES (1, ?, 1, ?, ?, ' ', 1)`).run(k + 1, text, text);
      db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (?, ?, 'import', 1)").run(k + 1, text);
      db.prepare("INSERT INTO segment_flags (segment_id, document_id, position, flag_count, flags) VALUES (?, 1, ?, 0, '[]')").run(k + 1, k + 1);
    });
    db.prepare(`INSERT INTO document_check_state (document_id, glossary, names, typical_words, script)
                VALUES (1, '{}', '{"known":[],"variants":[]}', 5, 'Latin')`).run();
    migrate(db, () => NOW, MIGRATIONS);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM document_check_state')).toBe(0);
    expect(count('SELECT count(*) AS n FROM segment_flags')).toBe(TEXTS.length);
    db.close();
    const id = 1;

    const services = createServices(file, { clock: () => NOW, nativeBinding: nodeNativeBinding() });
    try {
      expect(services.checks.document(id).segments.length).toBeGreaterThan(0); // checked whole again
      const rows = () => {
        const raw = openRaw(file);
        const all = raw.prepare('SELECT segment_id AS id, name FROM segment_names ORDER BY segment_id, name').all();
        raw.close();
        return all;
      };
      const expected = () =>
        services.segments.page(id, 0, 10).items.flatMap((s) => nameWords(s.currentText).sort().map((name) => ({ id: s.id, name })));
      expect(rows()).toEqual(expected());
      expect(rows()).toContainEqual({ id: 2, name: 'Alma' });
      services.segments.update(2, 'Then Tokayev left Almaty.');
      expect(rows()).toEqual(expected());
      expect(rows()).not.toContainEqual({ id: 2, name: 'Alma' });
    } finally {
      services.close();
    }
  });
});

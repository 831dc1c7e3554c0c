import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedlineError } from '../../core/model/errors';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { dumpSchema } from '../../db/schemaDump';
import { createStore } from '../../db/store';
import { insertDocument, makeTempDir, nativeBinding, NOW, openMemoryDatabase, openRaw } from './testDb';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'redline.sqlite');
});
afterEach(() => temp.cleanup());

const openFile = (clock = () => NOW) => openDatabase(file, { clock, nativeBinding: nativeBinding() });

describe('openDatabase', () => {
  it('creates a file database in WAL mode with foreign keys enforced', () => {
    const db = openFile();
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('enforces foreign keys in memory too', () => {
    const db = openMemoryDatabase();
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('reopens a migrated file without applying anything twice, keeping its data', () => {
    const first = createStore(openFile(() => NOW));
    const { documentId } = insertDocument(first, [{ text: 'The situation remains tense.' }]);
    first.close();
    const raw = openRaw(file);
    const schema = dumpSchema(raw);
    raw.close();

    const again = openFile(() => NOW + 60_000);
    expect(again.prepare('SELECT version, name, applied_at FROM schema_migrations').all()).toEqual(
      MIGRATIONS.map(({ version, name }) => ({ version, name, applied_at: NOW })),
    );
    expect(dumpSchema(again)).toBe(schema);
    expect(createStore(again).documents.summary(documentId)).toMatchObject({ segmentCount: 1 });
    again.close();
  });

  it('refuses a file written by another build with a RedlineError and leaves it as it was', () => {
    openFile().close();
    const foreign = openRaw(file);
    foreign
      .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from-the-future', 1)")
      .run(MIGRATIONS.length + 1);
    const before = { schema: dumpSchema(foreign), log: foreign.prepare('SELECT * FROM schema_migrations').all() };
    foreign.close();

    expect(() => openFile()).toThrow(RedlineError);

    const after = openRaw(file);
    expect({ schema: dumpSchema(after), log: after.prepare('SELECT * FROM schema_migrations').all() }).toEqual(before);
    after.close();
  });

  /** Applies `change` to the store's schema by hand and returns the schema as it then is. */
  const damageSchema = (change: string): string => {
    const raw = openRaw(file);
    raw.exec(change);
    const schema = dumpSchema(raw);
    raw.close();
    return schema;
  };
  const schemaNow = (): string => {
    const raw = openRaw(file);
    try {
      return dumpSchema(raw);
    } finally {
      raw.close();
    }
  };

  it.each([
    ['DROP TABLE segments', /is damaged: its table "segments" is missing, and \d+ more parts of its schema\. Restore the newest backup/],
    ['DROP INDEX segments_by_status', /is damaged: its index "segments_by_status" is missing\. Restore the newest backup/],
    ['DROP TRIGGER revisions_no_delete', /is damaged: its trigger "revisions_no_delete" is missing\. Restore the newest backup/],
    ['ALTER TABLE documents DROP COLUMN file_name', /is damaged: its table "documents" has no column "file_name"\. Restore the newest backup/],
  ])('refuses a store whose schema lost part of itself (%s) as damaged, naming it, and leaves it as it was', (change, message) => {
    openFile().close();
    const before = damageSchema(change);
    expect(() => openFile()).toThrow(expect.objectContaining({ code: 'damaged', message: expect.stringMatching(message) }));
    expect(schemaNow()).toBe(before);
  });

  it('refuses an older store that lost a table before migrating it, rather than failing part-way', () => {
    const raw = openRaw(file);
    migrate(raw, () => NOW, MIGRATIONS.slice(0, 12));
    raw.close();
    const before = damageSchema('DROP TABLE notes');
    const upgrade = () => openDatabase(file, { clock: () => NOW, nativeBinding: nativeBinding(), beforeMigrating: () => undefined });
    expect(upgrade).toThrow(expect.objectContaining({ code: 'damaged', message: expect.stringMatching(/is damaged: its table "notes" is missing, and \d+ more parts of its schema\./) }));
    expect(schemaNow()).toBe(before);
  });

  it('opens a whole older store and migrates it (its schema is checked against its own version)', () => {
    const raw = openRaw(file);
    migrate(raw, () => NOW, MIGRATIONS.slice(0, 12));
    raw.close();
    const db = openDatabase(file, { clock: () => NOW, nativeBinding: nativeBinding(), beforeMigrating: () => undefined });
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    db.close();
  });
});

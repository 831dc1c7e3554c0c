import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RedlineError } from '../../core/model/errors';
import { migrate } from '../../db/migrate';
import { MIGRATIONS, type Migration } from '../../db/migrations';
import { dumpSchema } from '../../db/schemaDump';
import { fixedClock, NOW, openMemoryDatabase, openRaw } from './testDb';

const NOTES: Migration = {
  version: MIGRATIONS.length + 1,
  name: 'notes',
  sql: 'CREATE TABLE scratch_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;',
};

const applied = (db: Database.Database) =>
  db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all();
const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
  ).map((r) => r.name);

/** Everything a refused migration must leave alone: the schema and the migration log. */
const state = (db: Database.Database) => ({ schema: dumpSchema(db), applied: applied(db) });

let open: Database.Database[] = [];
const track = (db: Database.Database) => (open.push(db), db);
afterEach(() => {
  open.forEach((db) => db.open && db.close());
  open = [];
});

describe('migrate', () => {
  it('brings a fresh in-memory database to the shipped schema and records it on the clock', () => {
    const db = track(openMemoryDatabase());
    expect(applied(db)).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name, applied_at: NOW })));
    expect(tables(db)).toEqual(
      expect.arrayContaining(['documents', 'segments', 'revisions', 'batches', 'notes', 'annotations', 'segment_search']),
    );
  });

  it('ships migrations numbered 1, 2, 3 … with unique names', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('applies only the migrations a database has not seen, once', () => {
    const db = track(openMemoryDatabase());
    migrate(db, () => NOW + 5, [...MIGRATIONS, NOTES]);
    migrate(db, () => NOW + 9, [...MIGRATIONS, NOTES]);
    expect(applied(db)).toEqual([
      ...MIGRATIONS.map(({ version, name }) => ({ version, name, applied_at: NOW })),
      { version: NOTES.version, name: 'notes', applied_at: NOW + 5 },
    ]);
    expect(tables(db)).toContain('scratch_notes');
  });

  it('rolls back a migration that fails part-way and records nothing', () => {
    const db = track(openMemoryDatabase());
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (x TEXT) STRICT; CREATE TABLE oops (',
    };
    expect(() => migrate(db, fixedClock, [...MIGRATIONS, broken])).toThrow();
    expect(tables(db)).not.toContain('half');
    expect(applied(db)).toHaveLength(MIGRATIONS.length);
  });

  describe('refuses a database written by another build, untouched', () => {
    it.each([
      ['a shipped version under another name', [{ version: 1, name: 'init-from-a-fork' }]],
      [
        'a migration from a newer build',
        [
          { version: 1, name: 'init' },
          { version: 2, name: 'notes' },
        ],
      ],
      ['a log that is not a prefix (version 1 missing)', [{ version: 2, name: 'notes' }]],
    ])('%s', (_case, log) => {
      const db = track(openRaw(':memory:'));
      migrate(db, fixedClock, []); // creates only the empty migration log
      const insert = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)');
      for (const { version, name } of log) insert.run(version, name);
      const before = state(db);

      let error: unknown;
      try {
        migrate(db, fixedClock, MIGRATIONS);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(RedlineError);
      expect(error).toMatchObject({
        code: 'bad_input',
        message: expect.stringMatching(/different version of Redline/),
      });
      // Nothing pending was applied either: the init tables of case 1 and 3 were never created.
      expect(state(db)).toEqual(before);
    });
  });
});

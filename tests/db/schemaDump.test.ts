import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dumpSchema } from '../../db/schemaDump';
import { openMemoryDatabase, PROJECT_ROOT } from './testDb';

describe('dumpSchema', () => {
  it('matches the committed db/schema.snapshot.sql for a freshly migrated database', () => {
    const db = openMemoryDatabase();
    const snapshot = readFileSync(join(PROJECT_ROOT, 'db', 'schema.snapshot.sql'), 'utf8');
    expect(
      dumpSchema(db),
      'The migrated schema differs from db/schema.snapshot.sql. If the change is intended (a new migration), ' +
        'run `npx tsx scripts/write-schema-snapshot.ts` and commit the snapshot.',
    ).toBe(snapshot);
    db.close();
  });

  it('lists every table, index and trigger once, sorted, without SQLite’s own objects', () => {
    const db = openMemoryDatabase();
    const headers = dumpSchema(db).match(/^-- .*$/gm);
    expect(headers).toEqual([...new Set(headers)].sort());
    expect(headers).toEqual(
      expect.arrayContaining([
        '-- table documents',
        '-- table segments',
        '-- table revisions',
        '-- table schema_migrations',
        '-- index revisions_by_segment',
        '-- trigger revisions_no_update',
        '-- trigger revisions_no_delete',
        '-- trigger segments_text_needs_revision',
      ]),
    );
    expect(headers!.some((h) => h.includes('sqlite_'))).toBe(false);
    db.close();
  });

  it('changes when the schema changes', () => {
    const db = openMemoryDatabase();
    const before = dumpSchema(db);
    db.exec('CREATE INDEX segments_by_trailing ON segments (trailing)');
    expect(dumpSchema(db)).not.toBe(before);
    expect(dumpSchema(db)).toContain('CREATE INDEX segments_by_trailing ON segments (trailing);');
    db.close();
  });
});

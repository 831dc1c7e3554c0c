import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RedlineError } from '../../core/model/errors';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS } from '../../db/migrations';
import { inStorageWords, storageErrorForCode } from '../../db/storageErrors';
import { makeTempDir, nativeBinding, NOW } from './testDb';

let temp: ReturnType<typeof makeTempDir>;
let file: string;
beforeEach(() => {
  temp = makeTempDir();
  file = join(temp.dir, 'redline.sqlite');
});
afterEach(() => temp.cleanup());

const open = (path = file) => openDatabase(path, { clock: () => NOW, nativeBinding: nativeBinding() });
const raw = (path = file, options: Database.Options = {}) => new Database(path, { nativeBinding: nativeBinding(), ...options });

/** What `work` throws, in storage words. */
function storageFailure(work: () => unknown): RedlineError {
  try {
    work();
  } catch (error) {
    const mapped = inStorageWords(error, { path: file });
    expect(mapped).toBeInstanceOf(RedlineError);
    return mapped as RedlineError;
  }
  throw new Error('expected a failure');
}

describe('storageErrorForCode', () => {
  it.each([
    // Nothing only the window does (keeping the typing, retrying): the CLI says the same words.
    ['SQLITE_FULL', 'disk_full', /^The disk is full, so nothing was written to the Redline store \(\/data\/redline\.sqlite\)\. Free some space on the disk holding it\.$/],
    ['SQLITE_READONLY', 'read_only', /is read-only.*Make the file, its -wal and -shm files beside it, and its folder writable/],
    ['SQLITE_READONLY_DBMOVED', 'read_only', /read-only/],
    ['SQLITE_CANTOPEN', 'read_only', /cannot be opened for writing/],
    ['SQLITE_BUSY', 'locked', /locked by another program.*Close that program/],
    ['SQLITE_BUSY_SNAPSHOT', 'locked', /locked by another program/],
    ['SQLITE_LOCKED', 'locked', /locked/],
    ['SQLITE_NOTADB', 'not_a_store', /is not a Redline file.*Restore it from a backup/],
    ['SQLITE_CORRUPT', 'damaged', /is damaged.*Restore the newest backup/],
    ['SQLITE_CORRUPT_INDEX', 'damaged', /damaged/],
    ['SQLITE_IOERR_WRITE', 'io', /could not be read or written \(a disk error: SQLITE_IOERR_WRITE\)/],
  ])('%s is %s, with what to do', (code, kind, message) => {
    const error = storageErrorForCode(code, { path: '/data/redline.sqlite' });
    expect(error?.code).toBe(kind);
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toMatch(/\n/);
  });

  it('leaves codes that are not storage failures, and any hostile value, to the caller', () => {
    for (const code of ['SQLITE_CONSTRAINT_CHECK', 'SQLITE_ERROR', 'SQLITE_IOERR_NOMEM', 'ENOENT', '', 'SQLITE_']) {
      expect(storageErrorForCode(code)).toBeNull();
    }
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const out = inStorageWords(value);
        // Object.is: fc.anything() gives NaN, which is returned as it is but is not === to itself.
        if (!Object.is(out, value)) expect(out).toBeInstanceOf(RedlineError);
      }),
    );
    const plain = new Error('boom');
    expect(inStorageWords(plain)).toBe(plain);
    const known = new RedlineError('bad_input', 'x');
    expect(inStorageWords(known)).toBe(known);
  });
});

describe('storage failures of a real store, in words', () => {
  it('disk full: a write past the space left', () => {
    const db = open();
    db.pragma('max_page_count = ' + String(db.pragma('page_count', { simple: true })));
    const error = storageFailure(() => db.prepare("INSERT INTO glossary_terms (preferred, forbidden, note, created_at, updated_at) VALUES (?, '[]', '', 0, 0)").run('x'.repeat(100_000)));
    expect(error.code).toBe('disk_full');
    db.close();
  });

  it('read-only: a write to a store opened read-only', () => {
    open().close();
    const db = raw(file, { readonly: true });
    const error = storageFailure(() => db.exec('CREATE TABLE t (x)'));
    expect(error.code).toBe('read_only');
    expect(error.message).toContain(file);
    db.close();
  });

  it('locked: another program holds the write lock', () => {
    open().close();
    const other = raw();
    other.exec('BEGIN EXCLUSIVE');
    const db = raw();
    db.pragma('busy_timeout = 0');
    const error = storageFailure(() => db.exec('CREATE TABLE t (x)'));
    expect(error.code).toBe('locked');
    other.exec('ROLLBACK');
    other.close();
    db.close();
  });

  it('not a Redline file: a text file, and another program’s SQLite database, are refused untouched', () => {
    writeFileSync(file, 'This is a shopping list, not a database.\n'.repeat(200));
    expect(() => open()).toThrow(expect.objectContaining({ code: 'not_a_store', message: expect.stringContaining('is not a Redline file') }));
    const foreign = join(temp.dir, 'other.sqlite');
    const db = raw(foreign);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    expect(() => open(foreign)).toThrow(expect.objectContaining({ code: 'not_a_store', message: expect.stringContaining('"contacts"') }));
    const after = raw(foreign);
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['contacts']);
    after.close();
  });

  it('written by a newer Redline: refused untouched, saying to update', () => {
    open().close();
    const db = raw();
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)').run(MIGRATIONS.length + 1, 'from-the-future');
    db.close();
    expect(() => open()).toThrow(expect.objectContaining({ code: 'newer_store', message: expect.stringMatching(/newer version of Redline.*Update Redline/) }));
  });
});

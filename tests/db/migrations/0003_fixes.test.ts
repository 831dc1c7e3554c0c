import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appliedVersions,
  expectRevisionsAppendOnly,
  expectUpgraded,
  snapshot,
  storeAt,
  upgradeTo,
  UPGRADED_AT,
  type Snapshot,
} from './upgrade';

let db: Database.Database;
let before: Snapshot;

beforeEach(() => {
  db = storeAt(2);
  before = snapshot(db);
  upgradeTo(db, 3);
});
afterEach(() => db.close());

describe('migration 0003: upgrading a store written before batches, fix memory and glossary', () => {
  it('keeps every document, sentence and revision, the old revisions in no batch', () => {
    expect(before.revisions).toHaveLength(8);
    expectUpgraded(before, snapshot(db), { revisions: { batch_id: null } }, {
      batches: [],
      fix_rules: [],
      glossary_terms: [],
      ignored_flags: [],
    });
    expect(appliedVersions(db).at(-1)).toEqual({ version: 3, name: 'fixes', appliedAt: UPGRADED_AT });
  });

  it('lets an old sentence be changed by a batch, and the batch go with its document', () => {
    const batchId = db
      .prepare("INSERT INTO batches (document_id, kind, label, created_at) VALUES (1, 'fix', 'Fix all: spacing', ?)")
      .run(UPGRADED_AT).lastInsertRowid;
    db.prepare(
      "INSERT INTO revisions (segment_id, text, origin, created_at, batch_id) VALUES (1, 'Fixed.', 'fix', ?, ?)",
    ).run(UPGRADED_AT, batchId);
    expect(db.prepare('SELECT segment_id AS s FROM revisions WHERE batch_id = ?').all(batchId)).toEqual([{ s: 1 }]);
    expect(() => db.prepare("INSERT INTO batches (document_id, kind, label, created_at) VALUES (1, 'oops', '', 0)").run())
      .toThrow(/CHECK/);

    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM batches').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT DISTINCT segment_id AS s FROM revisions ORDER BY s').all()).toEqual([{ s: 4 }, { s: 5 }]);
  });

  it('gives a learnt fix and a glossary term their defaults, and drops an old sentence’s ignored flags with it', () => {
    db.prepare("INSERT INTO fix_rules (find, replace, created_at, updated_at) VALUES ('Alma-Ata', 'Almaty', 1, 1)").run();
    expect(db.prepare('SELECT whole_word, case_sensitive, enabled, uses FROM fix_rules').get()).toEqual({
      whole_word: 1,
      case_sensitive: 1,
      enabled: 1,
      uses: 0,
    });
    db.prepare("INSERT INTO glossary_terms (preferred, forbidden, created_at, updated_at) VALUES ('Almaty', '[]', 1, 1)").run();
    expect(db.prepare('SELECT note FROM glossary_terms').get()).toEqual({ note: '' });

    db.prepare("INSERT INTO ignored_flags (segment_id, check_id, created_at) VALUES (5, 'unbalanced-quotes', 1)").run();
    db.prepare('DELETE FROM segments WHERE id = 5').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM ignored_flags').get()).toEqual({ n: 0 });
  });

  it('keeps the old history append-only, the new batch column included', () => {
    db.prepare("INSERT INTO batches (document_id, kind, label, created_at) VALUES (1, 'edit', 'Edit', 1)").run();
    expectRevisionsAppendOnly(db, { batch_id: 1, edit_ms: 1, keystrokes: 1 });
  });
});

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { appliedVersions, expectRevisionsAppendOnly, storeAt, upgradeTo, UPGRADED_AT } from './upgrade';

const annotationSource = MIGRATIONS.findIndex((m) => m.name === 'annotation_source') + 1;
let db: Database.Database;
let before: Record<string, unknown[]>;

/** The annotations whole, and every table the rebuild could touch (tables of 0007 on have no rowid to snapshot by). */
const contents = () =>
  Object.fromEntries(
    ['annotations', 'segments', 'revisions', 'notes', 'documents'].map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]),
  );

beforeEach(() => {
  db = storeAt(5);
  upgradeTo(db, annotationSource - 1);
  before = contents();
  upgradeTo(db, annotationSource);
});
afterEach(() => db.close());

const insert = (side: string) =>
  db
    .prepare(
      `INSERT INTO annotations (segment_id, side, start, end, quote, category, severity, comment, created_at)
       VALUES (3, ?, 0, 8, 'Аэропорт', 'accuracy.omission', 'major', '', 1)`,
    )
    .run(side);

describe('migration 0012: annotations on the source', () => {
  it('keeps every annotation (ids, spans, comments) and every other row', () => {
    expect(before.annotations).toHaveLength(1);
    expect(contents()).toEqual(before);
    expect(appliedVersions(db).at(-1)).toEqual({ version: 12, name: 'annotation_source', appliedAt: UPGRADED_AT });
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'annotations'").all()).toEqual([
      { name: 'annotations_by_segment' },
    ]);
  });

  it('takes an annotation on the source, still refuses other sides, and still goes with its sentence', () => {
    insert('source');
    expect(() => insert('note')).toThrow(/CHECK constraint failed/);
    expect(db.prepare("SELECT side, quote FROM annotations WHERE side = 'source'").all()).toEqual([{ side: 'source', quote: 'Аэропорт' }]);
    db.prepare('DELETE FROM documents WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM annotations').get()).toEqual({ n: 0 });
  });

  it('keeps revisions append-only', () => {
    expectRevisionsAppendOnly(db, {});
  });
});

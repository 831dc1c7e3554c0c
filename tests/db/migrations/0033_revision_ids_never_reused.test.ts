import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { NOW } from '../testDb';
import { appliedVersions, snapshot, storeAt, upgradeTo, UPGRADED_AT } from './upgrade';

let db: Database.Database;
afterEach(() => db.close());

const newestRevision = () => Number(db.prepare('SELECT max(id) FROM revisions').pluck().get());
const addRevision = (segmentId: number) =>
  Number(db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (?, 'x', 'edit', ?)").run(segmentId, UPGRADED_AT + 1000).lastInsertRowid);

describe('migration 0033: revision ids are never given twice', () => {
  it('keeps every row of every table, ids and all, with the same indexes and triggers', () => {
    db = storeAt(5);
    const index = MIGRATIONS.findIndex((m) => m.version === 33);
    upgradeTo(db, index);
    const before = snapshot(db);
    const objects = () =>
      db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = 'revisions' AND type IN ('index', 'trigger') ORDER BY name").all();
    const attached = objects();
    upgradeTo(db, index + 1);
    expect(appliedVersions(db).at(-1)).toEqual({ version: 33, name: 'revision_ids_never_reused', appliedAt: UPGRADED_AT });
    expect(snapshot(db)).toEqual(before);
    expect(objects()).toEqual(attached);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The history is still append-only.
    expect(() => db.prepare("UPDATE revisions SET text = 'changed' WHERE id = 1").run()).toThrow(/append-only/);
  });

  it('gives a new revision an id past every one given before, after the newest were deleted with their document', () => {
    db = storeAt(5);
    upgradeTo(db, MIGRATIONS.length);
    const documentId = Number(
      db.prepare("INSERT INTO documents (title, file_name, format, leading, has_bom, created_at, opened_at) VALUES ('Gone', 'gone.txt', 'text', '', 0, ?, ?)").run(NOW, NOW)
        .lastInsertRowid,
    );
    const segmentId = Number(
      db.prepare("INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, trailing, updated_at) VALUES (?, 1, 1, 'x', 'x', '', ?)").run(documentId, NOW)
        .lastInsertRowid,
    );
    const given = addRevision(segmentId);
    expect(newestRevision()).toBe(given);
    db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    expect(newestRevision()).toBeLessThan(given);
    const kept = Number(db.prepare('SELECT id FROM segments WHERE document_id = 1 ORDER BY position LIMIT 1').pluck().get());
    expect(addRevision(kept)).toBe(given + 1);
  });
});

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REVISION_ORIGINS } from '../../../core/model/revision';
import { SEGMENT_STATUSES } from '../../../core/model/segment';
import { createStore, type Store } from '../../../db/store';
import { insertDocument, NOW, openMemoryDatabase } from '../testDb';

let db: Database.Database;
let store: Store;
let documentId: number;
let segmentId: number;

beforeEach(() => {
  db = openMemoryDatabase();
  store = createStore(db);
  ({
    documentId,
    segmentIds: [segmentId = 0],
  } = insertDocument(store, [
    { text: 'The situation in Kazakhstan remains tense.' },
    { text: 'The airport was destroyed.' },
  ]));
});
afterEach(() => db.close());

const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const currentText = (id: number) => store.segments.get(id)?.currentText;

describe('0001_init: append-only revisions', () => {
  it('refuses to update a revision', () => {
    expect(() => db.prepare("UPDATE revisions SET text = 'rewritten history'").run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE revisions SET created_at = 0').run()).toThrow(/append-only/);
    expect(store.revisions.forSegment(segmentId).map((r) => r.text)).toEqual([
      'The situation in Kazakhstan remains tense.',
    ]);
  });

  it('refuses to delete a revision of a segment that still exists', () => {
    expect(() => db.prepare('DELETE FROM revisions WHERE segment_id = ?').run(segmentId)).toThrow(/append-only/);
    expect(count('revisions')).toBe(2);
  });

  it('lets a deleted document take its segments and their revisions with it', () => {
    const other = insertDocument(store, [{ text: 'Another document.' }], { title: 'Other' });
    store.revisions.append(segmentId, 'An edit.', 'edit', NOW + 1);

    db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);

    expect(db.prepare('SELECT document_id AS d FROM segments').all()).toEqual([{ d: other.documentId }]);
    expect(db.prepare('SELECT segment_id AS s FROM revisions').all()).toEqual([{ s: other.segmentIds[0] }]);
  });

  it('lets a deleted segment take its revisions with it', () => {
    db.prepare('DELETE FROM segments WHERE id = ?').run(segmentId);
    expect(store.revisions.forSegment(segmentId)).toEqual([]);
    expect(count('revisions')).toBe(1);
  });
});

describe('0001_init: the MT and the current text', () => {
  it('refuses to change the MT text, but allows writing it unchanged', () => {
    expect(() => db.prepare("UPDATE segments SET mt_text = 'better' WHERE id = ?").run(segmentId)).toThrow(
      /mt_text never changes/,
    );
    expect(() => db.prepare('UPDATE segments SET mt_text = mt_text WHERE id = ?').run(segmentId)).not.toThrow();
  });

  it('refuses a current text no revision records', () => {
    expect(() => store.segments.setText(segmentId, 'Unrecorded edit.', 'edited', NOW)).toThrow(/only with a revision/);
    expect(currentText(segmentId)).toBe('The situation in Kazakhstan remains tense.');
  });

  it('accepts a current text equal to the latest revision, and only the latest', () => {
    store.revisions.append(segmentId, 'First edit.', 'edit', NOW + 1);
    store.revisions.append(segmentId, 'Second edit.', 'edit', NOW + 2);

    expect(() => store.segments.setText(segmentId, 'First edit.', 'edited', NOW + 3)).toThrow(/only with a revision/);
    store.segments.setText(segmentId, 'Second edit.', 'edited', NOW + 3);
    expect(currentText(segmentId)).toBe('Second edit.');
  });

  it('does not let another segment’s revision vouch for a text', () => {
    const [, secondId = 0] = store.segments.page(documentId, 0, 2).map((s) => s.id);
    store.revisions.append(secondId, 'Borrowed.', 'edit', NOW + 1);
    expect(() => store.segments.setText(segmentId, 'Borrowed.', 'edited', NOW + 2)).toThrow(/only with a revision/);
  });
});

describe('0001_init: STRICT tables and CHECK constraints', () => {
  const insertSegment = (values: Record<string, unknown>) =>
    db
      .prepare(
        `INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, trailing, status, updated_at)
         VALUES (@documentId, @position, @paragraph, 'x', 'x', '', @status, 0)`,
      )
      .run({ documentId, position: 10, paragraph: 1, status: 'not_started', ...values });

  it('accepts every status and origin the model knows', () => {
    SEGMENT_STATUSES.forEach((status, i) => insertSegment({ position: 10 + i, status }));
    for (const origin of REVISION_ORIGINS) store.revisions.append(segmentId, 'x', origin, NOW);
    expect(count('segments')).toBe(2 + SEGMENT_STATUSES.length);
  });

  it('refuses a status or origin the model does not know', () => {
    expect(() => insertSegment({ status: 'done' })).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE segments SET status = 'Edited' WHERE id = ?").run(segmentId)).toThrow(/CHECK/);
    expect(() => store.revisions.append(segmentId, 'x', 'typo' as never, NOW)).toThrow(/CHECK constraint failed/);
  });

  it('refuses positions and paragraphs below 1 and a duplicate position', () => {
    expect(() => insertSegment({ position: 0 })).toThrow(/CHECK/);
    expect(() => insertSegment({ paragraph: 0 })).toThrow(/CHECK/);
    expect(() => insertSegment({ position: 1 })).toThrow(/UNIQUE/);
  });

  it('refuses values of the wrong type instead of storing them as they come', () => {
    expect(() => insertSegment({ position: 'first' })).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => store.revisions.append(segmentId, Buffer.from('x') as never, 'edit', NOW)).toThrow(
      /cannot store BLOB value in TEXT column/,
    );
    expect(() => store.revisions.append(segmentId, 'x', 'edit', 'yesterday' as never)).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    expect(() => db.prepare('UPDATE documents SET has_bom = 2').run()).toThrow(/CHECK/);
  });

  it('refuses a segment of a document that does not exist', () => {
    expect(() => insertSegment({ documentId: 999 })).toThrow(/FOREIGN KEY/);
    expect(() => store.revisions.append(999, 'x', 'edit', NOW)).toThrow(/FOREIGN KEY/);
  });
});

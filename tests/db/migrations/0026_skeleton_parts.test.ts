import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { NOW } from '../testDb';
import { storeAt, upgradeAcross, upgradeTo, type Snapshot } from './upgrade';

let db: Database.Database;
afterEach(() => db.close());

describe('migration 0026: skeletons stored in parts', () => {
  it('moves every skeleton to part 0 of its document, keeping every other row', () => {
    let before: Snapshot, after: Snapshot;
    ({ db, before, after } = upgradeAcross(26, 'skeleton_parts', 'document_skeletons'));
    expect(after.document_skeletons).toBeUndefined();
    expect(after.document_skeleton_parts).toEqual(
      before.document_skeletons!.map((row, i) => ({ _rowid: i + 1, document_id: row.document_id, part: 0, text: row.skeleton })),
    );
  });

  it('reads a skeleton stored in parts joined in their order, and the parts go with their document', () => {
    db = storeAt(5);
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    const id = store.documents.insert({ title: 'T', fileName: 't.xlf', format: 'xliff', leading: '', hasBom: false, createdAt: NOW });
    // Appended out of order, as nothing in the table orders them but their number.
    store.documents.addSkeletonPart(id, 1, ',"b":2}');
    store.documents.addSkeletonPart(id, 0, '{"a":1');
    expect(store.documents.layout(id)?.skeleton).toBe('{"a":1,"b":2}');
    expect(() => store.documents.addSkeletonPart(id, 1, 'again')).toThrow(/UNIQUE/);
    expect(store.documents.removeSkeletonParts(id, 1)).toBe(1);
    expect(store.documents.layout(id)?.skeleton).toBe(',"b":2}');
    db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) FROM document_skeleton_parts WHERE document_id = ?').pluck().get(id)).toBe(0);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { fixedClock, insertDocument, makeTempDir, NOW, openRaw } from '../testDb';

describe('migration 0002: effort on revisions', () => {
  const temp = makeTempDir();
  afterEach(() => temp.cleanup());

  it('upgrades a store written before it, keeping every revision with zero effort', () => {
    const file = join(temp.dir, 'old.sqlite');
    const old = openRaw(file);
    old.pragma('foreign_keys = ON');
    migrate(old, fixedClock, MIGRATIONS.slice(0, 1));
    old.prepare(`INSERT INTO documents (title, file_name, format, leading, has_bom, created_at, opened_at)
                 VALUES ('Old', 'old.txt', 'text', '', 0, 1, 1)`).run();
    old.prepare(`INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, trailing, updated_at)
                 VALUES (1, 1, 1, 'Old text.', 'Old text.', '', 1)`).run();
    old.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (1, 'Old text.', 'import', 1)").run();

    migrate(old, () => NOW, MIGRATIONS);
    expect(createStore(old).revisions.forSegment(1)).toEqual([
      { id: 1, segmentId: 1, text: 'Old text.', origin: 'import', createdAt: 1, editMs: 0, keystrokes: 0, batchId: null, status: null, reason: null },
    ]);
    old.close();
  });

  it('refuses negative effort', () => {
    const db = openRaw(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, fixedClock, MIGRATIONS);
    const store = createStore(db);
    const { segmentIds } = insertDocument(store, [{ text: 'A.' }]);
    expect(() =>
      db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at, edit_ms) VALUES (?, 'B.', 'edit', 1, -1)")
        .run(segmentIds[0]),
    ).toThrow(/CHECK/);
    db.close();
  });
});

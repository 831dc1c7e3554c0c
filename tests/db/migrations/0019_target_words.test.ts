import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mqmWordCount } from '../../../core/mqm/score';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { appliedVersions, expectRevisionsAppendOnly, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 19);

let db: Database.Database;
let before: Snapshot;

/** Each document's words of its current texts, counted from scratch. */
const counted = () => {
  const rows = db.prepare('SELECT document_id AS documentId, current_text AS text FROM segments').all() as Array<{ documentId: number; text: string }>;
  const words = new Map<number, number>();
  for (const row of rows) words.set(row.documentId, (words.get(row.documentId) ?? 0) + mqmWordCount(row.text));
  return [...words].sort(([a], [b]) => a - b);
};
const kept = () => (db.prepare('SELECT id, target_words FROM documents ORDER BY id').raw().all() as Array<[number, number]>).filter(([, n]) => n > 0);

beforeEach(() => {
  db = storeAt(5);
  upgradeTo(db, BEFORE);
  before = snapshot(db);
  upgradeTo(db, BEFORE + 1);
});
afterEach(() => db.close());

describe('migration 0019: the words of the current texts, kept per sentence and per document', () => {
  it('counts them for the sentences stored, changing nothing else', () => {
    expect(counted().length).toBeGreaterThan(1);
    expect(kept()).toEqual(counted());
    // Every other column of every row is as it was.
    const after = snapshot(db);
    for (const table of Object.keys(before)) {
      const strip = (rows: Array<Record<string, unknown>>) => rows.map(({ target_words: _, ...rest }) => rest);
      expect(strip(after[table]!), table).toEqual(strip(before[table]!));
    }
    expect(appliedVersions(db).at(-1)).toEqual({ version: 19, name: 'target_words', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
  });

  it('keeps the sum through writes, deletions and a sentence moved to another document', () => {
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    const [first] = db.prepare('SELECT id FROM segments ORDER BY id LIMIT 1').pluck().all() as number[];
    // A save as the store writes it: the revision, then the text with its figures.
    db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (?, 'Four words are here.', 'edit', ?)").run(first, UPGRADED_AT);
    store.segments.setText(first!, 'Four words are here.', 'edited', UPGRADED_AT);
    expect(db.prepare('SELECT target_words FROM segments WHERE id = ?').pluck().get(first)).toBe(4);
    expect(kept()).toEqual(counted());
    db.prepare('UPDATE segments SET document_id = 2, position = 99 WHERE id = ?').run(first);
    expect(kept()).toEqual(counted());
    db.prepare('DELETE FROM segments WHERE id = ?').run(first);
    expect(kept()).toEqual(counted());
  });
});

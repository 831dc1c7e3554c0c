import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { NOW } from '../testDb';
import { appliedVersions, expectRevisionsAppendOnly, expectUpgraded, snapshot, storeAt, upgradeTo, UPGRADED_AT, type Snapshot } from './upgrade';

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 23);

let db: Database.Database;
let before: Snapshot;

/** What the rows must hold: every revision but the import's, with its sentence's document. */
const derived = () =>
  db
    .prepare(
      `SELECT s.document_id, r.id AS revision_id FROM revisions r JOIN segments s ON s.id = r.segment_id
       WHERE r.origin <> 'import' ORDER BY 1, 2`,
    )
    .all();
const kept = () => db.prepare('SELECT document_id, revision_id FROM document_worked_revisions ORDER BY 1, 2').all();

beforeEach(() => {
  // The releases' store: documents 1 and 2 with their import revisions and the editor's edits, status changes, a
  // replace-all and its undo; document 3 (XLIFF) with its import alone.
  db = storeAt(5);
  upgradeTo(db, BEFORE);
  before = snapshot(db);
  upgradeTo(db, BEFORE + 1);
});
afterEach(() => db.close());

describe('migration 0023: the editor’s revisions of each document, as rows', () => {
  it('fills them from the revisions stored — every origin but the import, each under its document — keeping every other row', () => {
    expectUpgraded(before, snapshot(db), {}, {
      document_worked_revisions: [
        // document 1: the first edit (0001), an edit and its confirmation (0002), a rejection (0004)
        { document_id: 1, revision_id: 6 },
        { document_id: 1, revision_id: 7 },
        { document_id: 1, revision_id: 8 },
        { document_id: 1, revision_id: 11 },
        // document 2: the replace-all and its undo (0003)
        { document_id: 2, revision_id: 9 },
        { document_id: 2, revision_id: 10 },
      ],
    });
    expect(kept()).toEqual(derived());
    expect(appliedVersions(db).at(-1)).toEqual({ version: 23, name: 'worked_revisions_by_document', appliedAt: UPGRADED_AT });
    expectRevisionsAppendOnly(db, {});
    // 0020's index, which the timeline walked before, is read by nothing now.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'revisions_worked'").all()).toEqual([]);
  });

  it('keeps a revision the repository writes later, none for an import, and nothing of a deleted document', () => {
    upgradeTo(db, MIGRATIONS.length);
    const store = createStore(db);
    const edit = store.revisions.append(5, '“It is calm now,” said a resident.', 'edit', NOW + 100);
    const fix = store.revisions.append(3, 'The airport of Almaty was captured by protesters.', 'fix', NOW + 101);
    store.revisions.append(6, 'Protests began on 2 January.', 'import', NOW + 102);
    expect(kept()).toEqual(derived());
    expect(kept()).toContainEqual({ document_id: 2, revision_id: edit });
    expect(kept()).toContainEqual({ document_id: 1, revision_id: fix });
    expect(store.revisions.timeline(2, 0, ['edit', 'replace', 'revert']).map((e) => e.id)).toEqual([edit, 10, 9]);

    db.prepare('DELETE FROM documents WHERE id = 2').run();
    expect(kept()).toEqual(derived());
    expect(kept().filter((row) => (row as { document_id: number }).document_id === 2)).toEqual([]);
    expect(store.revisions.timeline(2, 0, ['edit'])).toEqual([]);
    expect(store.revisions.timeline(1, 0, ['fix']).map((e) => e.id)).toEqual([fix]);
  });

  it('moves a sentence’s rows with it to another document', () => {
    db.prepare('UPDATE segments SET document_id = 2, position = 3 WHERE id = 2').run();
    expect(kept()).toEqual(derived());
    expect(kept()).toContainEqual({ document_id: 2, revision_id: 7 });
  });

  it('lets a sentence deleted alone take its revisions’ rows, before they cascade away', () => {
    db.prepare('DELETE FROM segments WHERE id = 2').run();
    expect(kept()).toEqual([
      { document_id: 1, revision_id: 6 },
      { document_id: 1, revision_id: 11 },
      { document_id: 2, revision_id: 9 },
      { document_id: 2, revision_id: 10 },
    ]);
    expect(kept()).toEqual(derived());
  });
});

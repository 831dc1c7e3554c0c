import { describe, expect, it } from 'vitest';
import { REVISED_SINCE_SQL } from '../../../db/repositories/flags';
import { CHANGED_SINCE_SQL, DOCUMENT_REVISED_AFTER_SQL, timelineSql } from '../../../db/repositories/revisions';
import { createStore } from '../../../db/store';
import { insertDocument, NOW, openMemoryDatabase } from '../testDb';

/**
 * The statements a save runs to learn what was written since a revision must walk those revisions by rowid:
 * a scan of every revision costs the whole store on every save (5.7 ms at 100k sentences). The plan is the
 * same on an empty store as on a full one, since nothing is ANALYZEd.
 */
describe('walks of the revisions written since an id', () => {
  it.each([
    ['REVISED_SINCE_SQL', REVISED_SINCE_SQL],
    ['DOCUMENT_REVISED_AFTER_SQL', DOCUMENT_REVISED_AFTER_SQL],
  ])('%s reads the revisions by rowid from the id, and scans nothing', (_name, sql) => {
    const db = openMemoryDatabase();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(1, 1) as Array<{ detail: string }>).map((row) => row.detail);
    expect(plan[0]).toMatch(/^SEARCH r USING INTEGER PRIMARY KEY \(rowid>\?\)/);
    expect(plan.filter((detail) => detail.startsWith('SCAN'))).toEqual([]);
    db.close();
  });

  it('without NOT INDEXED, SQLite scans every revision for the GROUP BY (what the test guards against)', () => {
    const db = openMemoryDatabase();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${REVISED_SINCE_SQL.replace(' NOT INDEXED', '')}`).all(1, 1) as Array<{ detail: string }>).map((row) => row.detail);
    expect(plan[0]).toMatch(/^SCAN r/);
    db.close();
  });
});

describe('the sentences changed since a moment', () => {
  const planOf = (sql: string) => {
    const db = openMemoryDatabase();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ documentId: 1, from: 0 }) as Array<{ detail: string }>).map((row) => row.detail);
    db.close();
    return plan;
  };

  it('reads the revisions written since through the time index and looks the sentences up by id: it walks no document', () => {
    const plan = planOf(CHANGED_SINCE_SQL);
    expect(plan).toContain('SEARCH s USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan).toContain('SEARCH revisions USING INDEX revisions_worked_by_time (created_at>?)');
    expect(plan.filter((detail) => detail.startsWith('SCAN'))).toEqual([]);
  });

  it('without the unary +, SQLite walks every sentence of the document instead (what the test guards against)', () => {
    expect(planOf(CHANGED_SINCE_SQL.replace('+s.document_id', 's.document_id'))[0]).toMatch(/^SEARCH s USING INDEX .*\(document_id=\?\)/);
  });
});

describe('the timeline of a document', () => {
  const timelinePlan = (worked: boolean) => {
    const db = openMemoryDatabase();
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${timelineSql(worked)}`).all({ documentId: 1, since: 0, origins: '[]', limit: 5 }) as Array<{ detail: string }>).map((row) => row.detail);
    db.close();
    return plan;
  };

  it.each([
    ['the editor’s work', true, /^SEARCH w USING PRIMARY KEY \(document_id=\?\)$/],
    ['every origin', false, /^SCAN r$/],
  ])('walks %s newest first and looks each sentence up by id: it sorts nothing', (_name, worked, first) => {
    const plan = timelinePlan(worked);
    expect(plan[0]).toMatch(first);
    expect(plan).toContain('SEARCH s USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.filter((detail) => detail.includes('TEMP B-TREE'))).toEqual([]);
  });

  it('walks the editor’s work of this document alone: it looks each revision up by id and scans none', () => {
    const plan = timelinePlan(true);
    expect(plan).toContain('SEARCH r USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan.filter((detail) => /^SCAN (r|revisions|s|segments|w)\b/.test(detail))).toEqual([]);
  });

  it('lists this document’s older edits past more of another document’s work than the limit', () => {
    const db = openMemoryDatabase();
    const store = createStore(db);
    const mine = insertDocument(store, [{ text: 'One.' }, { text: 'Two.' }]);
    const other = insertDocument(store, [{ text: 'Else.' }], { title: 'Other book' });
    const edits = mine.segmentIds.map((id, k) => store.revisions.append(id, `Edited ${k}.`, 'edit', NOW + k));
    store.transaction(() => {
      for (let k = 0; k < 2_500; k++) store.revisions.append(other.segmentIds[0]!, `Else ${k}.`, 'edit', NOW + 10 + k);
    });
    const fix = store.revisions.append(mine.segmentIds[1]!, 'Fixed.', 'fix', NOW + 3_000);
    expect(store.revisions.timeline(mine.documentId, 0, ['edit', 'fix']).map((e) => [e.id, e.position])).toEqual([
      [fix, 2],
      [edits[1], 2],
      [edits[0], 1],
    ]);
    expect(store.revisions.timeline(mine.documentId, NOW + 1, ['edit'], 1).map((e) => e.id)).toEqual([edits[1]]);
    expect(store.revisions.timeline(other.documentId, 0, ['edit'])).toHaveLength(2_000);
    db.close();
  });

  it('applies the origins before the limit: older edits are listed past a newer batch of another origin', () => {
    const db = openMemoryDatabase();
    const store = createStore(db);
    const { documentId, segmentIds } = insertDocument(store, [{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }]);
    const edits = segmentIds.map((id, k) => store.revisions.append(id, `Edited ${k}.`, 'edit', NOW + k));
    for (const [k, id] of segmentIds.entries()) store.revisions.append(id, `Fixed ${k}.`, 'fix', NOW + 10 + k);
    expect(store.revisions.timeline(documentId, 0, ['edit'], 2).map((e) => e.id)).toEqual([edits[2], edits[1]]);
    expect(store.revisions.timeline(documentId, NOW + 1, ['edit', 'import'], 10).map((e) => e.id)).toEqual([edits[2], edits[1]]);
    db.close();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../db/store';
import { createStore } from '../../../db/store';
import { insertDocument, NOW, openMemoryDatabase, openMemoryStore } from '../testDb';

let store: Store;
afterEach(() => store?.close());

describe('fix rules', () => {
  it('learns a rule once and strengthens it when learnt again', () => {
    store = openMemoryStore();
    const id = store.fixRules.learn({ find: 'Alma-Ata', replace: 'Almaty' }, 3, NOW);
    expect(store.fixRules.learn({ find: 'Alma-Ata', replace: 'Almaty!' }, 2, NOW + 1)).toBe(id);
    expect(store.fixRules.list()).toEqual([
      {
        id,
        find: 'Alma-Ata',
        replace: 'Almaty!',
        wholeWord: true,
        caseSensitive: true,
        enabled: true,
        uses: 5,
        createdAt: NOW,
        updatedAt: NOW + 1,
      },
    ]);
  });

  it('refuses an empty find and keeps rules apart by their matching options', () => {
    store = openMemoryStore();
    expect(() => store.fixRules.learn({ find: '', replace: 'x' }, 0, NOW)).toThrow(/CHECK/);
    store.fixRules.learn({ find: 'a', replace: 'b' }, 0, NOW);
    store.fixRules.learn({ find: 'a', replace: 'c', caseSensitive: false }, 0, NOW);
    expect(store.fixRules.list()).toHaveLength(2);
  });
});

describe('glossary terms', () => {
  it('stores variants as a list and refuses anything but a JSON array', () => {
    store = openMemoryStore();
    const id = store.glossary.save({ preferred: 'Almaty', forbidden: ['Alma-Ata'] }, NOW);
    expect(store.glossary.get(id)).toMatchObject({ preferred: 'Almaty', forbidden: ['Alma-Ata'], note: '' });
    expect(store.glossary.save({ preferred: 'Almaty', forbidden: [], note: 'n' }, NOW + 1)).toBe(id);
    expect(store.glossary.list()).toHaveLength(1);
  });
});

describe('batches and ignored flags', () => {
  it('links revisions to their batch and reports size and undo', () => {
    store = openMemoryStore();
    const { documentId, segmentIds } = insertDocument(store, [{ text: 'One.' }, { text: 'Two.' }]);
    const batch = store.batches.insert(documentId, 'fix', 'Fix all', NOW);
    for (const id of segmentIds) {
      store.revisions.append(id, 'Fixed.', 'fix', NOW, { batchId: batch });
      store.segments.setText(id, 'Fixed.', 'edited', NOW);
    }
    expect(store.revisions.ofBatch(batch).map((r) => [r.text, r.previousText])).toEqual([
      ['Fixed.', 'One.'],
      ['Fixed.', 'Two.'],
    ]);
    const undo = store.batches.insert(documentId, 'undo', 'Undo: Fix all', NOW + 1, batch);
    expect(store.batches.get(batch)).toMatchObject({ size: 2, undoneBy: undo });
    // The store's triggers moved it to the redo stack (migration 0024).
    expect(store.batches.stackOf(batch)).toBe('undone');
    expect(store.batches.stackOf(undo)).toBeNull();
    expect(store.batches.top(documentId, 'done')).toBeUndefined();
    expect(store.batches.top(documentId, 'undone')).toBe(batch);
  });

  it('goes with its document: deleting one leaves no batch, revision or ignored flag behind', () => {
    const db = openMemoryDatabase();
    store = createStore(db);
    const { documentId, segmentIds } = insertDocument(store, [{ text: 'One.' }]);
    const batch = store.batches.insert(documentId, 'fix', 'Fix', NOW);
    store.revisions.append(segmentIds[0]!, 'Fixed.', 'fix', NOW, { batchId: batch });
    store.ignoredFlags.set(segmentIds[0]!, 'spacing', '  ', true, NOW);
    db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    for (const table of ['batches', 'revisions', 'segments', 'ignored_flags']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
  });

  it('remembers ignored flags per sentence, check and words, and forgets them with the sentence', () => {
    const db = openMemoryDatabase();
    store = createStore(db);
    const { documentId, segmentIds } = insertDocument(store, [{ text: 'One.' }, { text: 'Two.' }]);
    store.ignoredFlags.set(segmentIds[0]!, 'spelling', 'recieved', true, NOW);
    store.ignoredFlags.set(segmentIds[0]!, 'spelling', 'recieved', true, NOW); // twice is once
    store.ignoredFlags.set(segmentIds[0]!, 'spelling', 'teh', true, NOW);
    store.ignoredFlags.set(segmentIds[0]!, 'spelling', 'teh', false, NOW);
    store.ignoredFlags.set(segmentIds[1]!, 'leaked-text', '', true, NOW);
    store.ignoredFlags.set(segmentIds[1]!, 'leaked-text', '', false, NOW);
    expect(db.prepare('SELECT COUNT(*) FROM ignored_flags').pluck().get()).toBe(1);
    // A store of an earlier release ignored a whole kind: its row has no words, and reads as the kind alone.
    db.prepare("INSERT INTO ignored_flags (segment_id, check_id, words, created_at) VALUES (?, 'spacing', NULL, ?)").run(segmentIds[1]!, NOW);
    expect(store.ignoredFlags.ofDocument(documentId)).toEqual(
      new Map([
        [segmentIds[0]!, new Set(['spelling\u0000recieved'])],
        [segmentIds[1]!, new Set(['spacing'])],
      ]),
    );
    expect(store.ignoredFlags.ofSegment(segmentIds[0]!)).toEqual(new Set(['spelling\u0000recieved']));
    // Counted and cleared per sentence, whole kinds too; the other sentence's stay.
    expect([store.ignoredFlags.count(segmentIds[0]!), store.ignoredFlags.count(segmentIds[1]!)]).toEqual([1, 1]);
    expect(store.ignoredFlags.clear(segmentIds[1]!)).toBe(1);
    expect(store.ignoredFlags.ofDocument(documentId)).toEqual(new Map([[segmentIds[0]!, new Set(['spelling\u0000recieved'])]]));
    expect(store.ignoredFlags.clear(segmentIds[1]!)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createStore } from '../../db/store';
import { insertDocument, openMemoryDatabase } from './testDb';

describe('createStore', () => {
  it('commits a transaction and returns its value', () => {
    const store = createStore(openMemoryDatabase());
    const { documentId } = insertDocument(store, [{ text: 'One.' }, { text: 'Two.' }]);
    expect(store.segments.count(documentId)).toBe(2);
    store.close();
  });

  it('rolls back every change of a transaction that throws', () => {
    const store = createStore(openMemoryDatabase());
    expect(() =>
      store.transaction(() => {
        insertDocument(store, [{ text: 'One.' }]);
        throw new Error('import failed half-way');
      }),
    ).toThrow('import failed half-way');
    expect(store.documents.list()).toEqual([]);
    store.close();
  });

  it('closes its connection', () => {
    const db = openMemoryDatabase();
    createStore(db).close();
    expect(db.open).toBe(false);
  });
});

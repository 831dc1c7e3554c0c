import { describe, expect, it } from 'vitest';
import { RedlineError } from '../../../core/model/errors';
import { openMemoryStore } from '../testDb';

function withDocument() {
  const store = openMemoryStore();
  const documentId = store.documents.insert({
    title: 'T',
    fileName: 't.txt',
    format: 'text',
    leading: '',
    hasBom: false,
    createdAt: 1,
  });
  return { store, documentId };
}

describe('qualityThreshold repository', () => {
  it('reads the default of 99 and stores a new pass mark per document', () => {
    const { store, documentId } = withDocument();
    expect(store.qualityThreshold.get(documentId)).toBe(99);
    store.qualityThreshold.set(documentId, 97.5);
    expect(store.qualityThreshold.get(documentId)).toBe(97.5);
    store.close();
  });

  it('refuses an unknown document, and the table refuses values outside 0 … 100', () => {
    const { store, documentId } = withDocument();
    expect(() => store.qualityThreshold.get(999)).toThrow(RedlineError);
    expect(() => store.qualityThreshold.set(999, 90)).toThrow(RedlineError);
    expect(() => store.qualityThreshold.set(documentId, 101)).toThrow(/CHECK/);
    expect(() => store.qualityThreshold.set(documentId, -1)).toThrow(/CHECK/);
    expect(store.qualityThreshold.get(documentId)).toBe(99);
    store.close();
  });
});

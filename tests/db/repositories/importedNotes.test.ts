import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../db/store';
import { NOW, openMemoryDatabase } from '../testDb';

let db: Database.Database;
let store: Store;
beforeEach(() => {
  db = openMemoryDatabase();
  store = createStore(db);
});
afterEach(() => store.close());

/** A document of `count` sentences, stored as an import stores them. */
function importedDocument(title: string, count: number): number {
  const documentId = store.documents.insert({ title, fileName: `${title}.xlf`, format: 'xliff', leading: '', hasBom: false, createdAt: NOW });
  const rows = Array.from({ length: count }, (_, i) => ({ paragraph: 1, mtText: `Satz ${i + 1}.`, sourceText: `Sentence ${i + 1}.`, trailing: '' }));
  store.segments.insertImported(documentId, 1, NOW, rows);
  return documentId;
}

/** A document's notes by position. */
const notesOf = (documentId: number) =>
  db
    .prepare('SELECT s.position, n.text, n.updated_at AS updatedAt FROM notes n JOIN segments s ON s.id = n.segment_id WHERE s.document_id = ? ORDER BY s.position')
    .all(documentId);

describe('the notes an import brings (notes.insertImported)', () => {
  it('go to the sentences at their positions in that document, an empty one being none', () => {
    const other = importedDocument('other', 3);
    const documentId = importedDocument('doc', 3);
    store.transaction(() =>
      store.notes.insertImported(
        documentId,
        [
          { position: 1, text: 'First.\nTwo lines.' },
          { position: 2, text: '  ' },
          { position: 3, text: 'Third.' },
        ],
        NOW + 5,
      ),
    );
    expect(notesOf(documentId)).toEqual([
      { position: 1, text: 'First.\nTwo lines.', updatedAt: NOW + 5 },
      { position: 3, text: 'Third.', updatedAt: NOW + 5 },
    ]);
    expect(notesOf(other)).toEqual([]);
    const segments = store.segments.page(documentId, 0, 10);
    expect(segments.map((s) => store.notes.get(s.id))).toEqual(['First.\nTwo lines.', '', 'Third.']);
  });

  it('are searchable, their words stored in the transaction as the sentences’ are', () => {
    const documentId = importedDocument('doc', 2);
    store.transaction(() => store.notes.insertImported(documentId, [{ position: 2, text: 'Zürich bleibt.' }], NOW));
    expect(db.prepare('SELECT term FROM search_pending_terms').pluck().all()).toEqual([]);
    expect(db.prepare("SELECT term FROM search_terms WHERE term IN ('zurich', 'bleibt') ORDER BY term").pluck().all()).toEqual(['bleibt', 'zurich']);
    const [, second] = store.segments.page(documentId, 0, 10);
    expect(db.prepare("SELECT rowid FROM segment_search WHERE segment_search MATCH 'note:zurich'").pluck().all()).toEqual([second!.id]);
  });
});

import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tagChar } from '../../../core/formats/types';
import { MIGRATIONS } from '../../../db/migrations';
import { createStore } from '../../../db/store';
import { SEARCH_TOKENIZE } from '../../../db/searchTokenizer';
import { NOW } from '../testDb';
import { appliedVersions, snapshot, storeAt, upgradeTo, UPGRADED_AT } from './upgrade';

let db: Database.Database;
afterEach(() => db.close());

const [open, close] = [tagChar(0), tagChar(1)];
const found = (query: string) => createStore(db).search.page(query).hits.map((hit) => hit.segmentId);

describe('migration 0032: inline tags apart from words in the search index', () => {
  it('indexes the words beside tags as words, keeping every row of every other table', () => {
    db = storeAt(5);
    const index = MIGRATIONS.findIndex((m) => m.version === 32);
    upgradeTo(db, index);
    // What release 31 stored for an XLIFF: a bold word and a link, a note with a tag; none of them findable.
    const insert = db.prepare(
      `INSERT INTO segments (document_id, position, paragraph, mt_text, current_text, trailing, updated_at)
       VALUES (2, ?, 1, ?, ?, '', ?)`,
    );
    const bold = Number(insert.run(20, `Wählen Sie eine ${open}Anzeigesprache${close}.`, `Wählen Sie eine ${open}Anzeigesprache${close}.`, NOW).lastInsertRowid);
    const link = Number(insert.run(21, `Klicken Sie auf ${open}Hilfe${close}.`, `Klicken Sie auf ${open}Hilfe${close}.`, NOW).lastInsertRowid);
    db.prepare('INSERT INTO notes (segment_id, text, updated_at) VALUES (?, ?, ?)').run(link, `Siehe ${open}Handbuch${close}`, NOW);
    expect(found('Anzeigesprache')).toEqual([]);
    const before = snapshot(db);
    upgradeTo(db, index + 1);
    expect(appliedVersions(db).at(-1)).toEqual({ version: 32, name: 'search_tags_apart', appliedAt: UPGRADED_AT });
    const after = snapshot(db);
    // search_terms is filled again from the new index; search_pending, whose words it holds now, starts empty.
    for (const table of Object.keys(before).filter((t) => t !== 'search_terms' && t !== 'search_pending')) expect(after[table], table).toEqual(before[table]);
    expect(after.search_pending).toEqual([]);

    expect(found('Anzeigesprache')).toEqual([bold]);
    expect(found('Hilfe')).toEqual([link]);
    expect(found('Handbuch')).toEqual([link]); // the note
    expect(found('Hilf')).toEqual([link]); // a prefix, through search_terms refilled
    expect(found('Klicken Sie')).toEqual([link]);
    // The words stored in search_terms are whole words, never a word with its tags.
    const terms = db.prepare('SELECT term FROM search_terms').pluck().all() as string[];
    expect(terms).toContain('hilfe');
    expect(terms.filter((term) => /[\uE000-\uEFFF]/u.test(term))).toEqual([]);
  });

  it('keeps the index by the writes after it, with the tokenizer the search folds its query with', () => {
    db = storeAt(5);
    upgradeTo(db, MIGRATIONS.length);
    const id = Number(db.prepare("SELECT id FROM segments WHERE document_id = 1 ORDER BY position LIMIT 1").pluck().get());
    const text = `Die Lage in ${open}Kasachstan${close} bleibt angespannt.`;
    db.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (?, ?, 'edit', ?)").run(id, text, UPGRADED_AT + 1000);
    db.prepare("UPDATE segments SET current_text = ?, status = 'edited' WHERE id = ?").run(text, id);
    expect(found('Kasachstan')).toEqual([id]);
    expect(found('Kasach')).toEqual([id]);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name IN ('segment_search', 'search_pending') ORDER BY name").pluck().all() as string[];
    for (const table of sql) expect(table).toContain(SEARCH_TOKENIZE);
  });
});

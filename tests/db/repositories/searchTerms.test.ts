import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, splitSnippet } from '../../../core/model/search';
import { toMatchExpression, wordsAreCheaper, type SearchOptions } from '../../../db/repositories/search';
import { prefixUpperBound, searchTermsRepository, WRITES_PER_DRAIN } from '../../../db/repositories/searchTerms';
import { createStore, type Store } from '../../../db/store';
import { insertDocument, NOW, openMemoryDatabase } from '../testDb';

let db: Database.Database;
let store: Store;
beforeEach(() => {
  db = openMemoryDatabase();
  store = createStore(db);
});
afterEach(() => store.close());

/** A correction, as the segment service writes one: the revision first, then the sentence. */
function edit(on: Store, segmentId: number, text: string) {
  on.transaction(() => {
    on.revisions.append(segmentId, text, 'edit', NOW + 1);
    on.segments.setText(segmentId, text, 'edited', NOW + 1);
  });
}

/** A correction written by SQL of its own, as no repository writes it: nothing drains the words it adds. */
function rawEdit(on: Database.Database, segmentId: number, text: string) {
  on.prepare("INSERT INTO revisions (segment_id, text, origin, created_at) VALUES (?, ?, 'edit', ?)").run(segmentId, text, NOW + 2);
  on.prepare("UPDATE segments SET current_text = ?, status = 'edited' WHERE id = ?").run(text, segmentId);
}

/** The OR of whole words whatever it costs: its hits are what is compared with FTS5's prefix query. */
const always = () => true;

const pendingWords = (on: Database.Database) => on.prepare('SELECT term FROM search_pending_terms ORDER BY term').pluck().all();
const storedWords = (on: Database.Database) => on.prepare('SELECT term FROM search_terms ORDER BY term').pluck().all();
const sentencesOf = (on: Database.Database, term: string) => on.prepare('SELECT sentences FROM search_terms WHERE term = ?').pluck().get(term);

describe('the upper bound of a prefix range', () => {
  it('raises the last code point, skipping the surrogates and carrying past U+10FFFF', () => {
    expect(prefixUpperBound('sie')).toBe('sif');
    expect(prefixUpperBound('z')).toBe('{');
    expect(prefixUpperBound('ab\u{d7ff}')).toBe('ab\u{e000}');
    expect(prefixUpperBound('a\u{ffff}')).toBe('a\u{10000}');
    expect(prefixUpperBound('a\u{1f600}')).toBe('a\u{1f601}');
    expect(prefixUpperBound('a\u{10ffff}')).toBe('b');
    expect(prefixUpperBound('a\u{10ffff}\u{10ffff}')).toBe('b');
    expect(prefixUpperBound('\u{10ffff}')).toBeNull();
    expect(prefixUpperBound('')).toBeNull();
  });

  it('bounds exactly the strings that start with the prefix, in SQLite order (property)', () => {
    const point = fc.constantFrom('a', 'z', '\u{7f}', '\u{80}', '\u{7ff}', '\u{800}', '\u{d7ff}', '\u{e000}', '\u{ffff}', '\u{10000}', '\u{10ffff}');
    const text = fc.array(point, { maxLength: 4 }).map((cs) => cs.join(''));
    const between = db.prepare('SELECT ? >= ? AND (? IS NULL OR ? < ?)').pluck();
    fc.assert(
      fc.property(text, text, (prefix, other) => {
        const high = prefixUpperBound(prefix);
        for (const s of [other, prefix + other]) {
          expect(between.get(s, prefix, high, s, high) === 1).toBe(s.startsWith(prefix));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the words kept for search (migration 0016)', () => {
  it('records the words of every text written, folded as the index folds them, and stores them once in WRITES_PER_DRAIN writes', () => {
    const { segmentIds } = insertDocument(store, [{ text: 'Klicken Sie hier.' }, { text: 'Zürich ist schön.' }]);
    expect(pendingWords(db)).toEqual(['hier', 'ist', 'klicken', 'schon', 'sie', 'zurich']);
    expect(storedWords(db)).toEqual([]);
    edit(store, segmentIds[0]!, 'Klicken Sie DORT.');
    store.notes.set(segmentIds[1]!, 'Straße', NOW);
    expect(pendingWords(db)).toEqual(['dort', 'hier', 'ist', 'klicken', 'schon', 'sie', 'straße', 'zurich']);
    // Two inserts and an edit so far: the segments' writes drain at the WRITES_PER_DRAIN-th.
    for (let n = 4; n < WRITES_PER_DRAIN; n++) edit(store, segmentIds[n % 2]!, `Text ${n}.`);
    expect(storedWords(db)).toEqual([]);
    edit(store, segmentIds[0]!, 'Zuletzt.');
    expect(pendingWords(db)).toEqual([]);
    expect(storedWords(db)).toEqual(expect.arrayContaining(['dort', 'hier', 'klicken', 'straße', 'text', '63', 'zuletzt', 'zurich']));
  });

  it('stores the words of an import batch in its transaction', () => {
    store.transaction(() => {
      const documentId = store.documents.insert({ title: 'B', fileName: 'b.txt', format: 'text', leading: '', hasBom: false, createdAt: NOW });
      store.segments.insertImported(documentId, 1, NOW, [
        { paragraph: 1, mtText: 'Erster Satz.', sourceText: 'First sentence.', trailing: ' ' },
        { paragraph: 1, mtText: 'Zweiter Satz.', sourceText: null, trailing: '' },
      ]);
    });
    expect(pendingWords(db)).toEqual([]);
    expect(storedWords(db)).toEqual(['erster', 'first', 'satz', 'sentence', 'zweiter']);
    expect(sentencesOf(db, 'satz')).toBe(2);
  });

  it('folds a typed phrase as FTS5 does, whatever the script', () => {
    const terms = searchTermsRepository(db);
    expect(terms.words('Zürich ÉCOLE Straße')).toEqual(['zurich', 'ecole', 'straße']);
    expect(terms.words('Алма Ата 日本語 e\u0301t')).toEqual(['алма', 'ата', '日本語', 'et']);
    expect(terms.words('... !')).toEqual([]);
    expect(terms.words('Sie')).toEqual(['sie']); // the folding table is emptied after each use
  });

  it('expands a prefix into the whole words that start with it, with the sentences they were written into', () => {
    const words = Array.from({ length: 65 }, (_, i) => `wort${String(i).padStart(3, '0')}`);
    const { segmentIds } = insertDocument(store, [{ text: words.join(' ') }, { text: 'Sie sieben siehe sind.' }, { text: 'Sie, bitte.' }]);
    const terms = searchTermsRepository(db);
    terms.drain();
    expect(terms.expand('sie')).toEqual({ words: ['sie', 'sieben', 'siehe'], sentences: 4 });
    expect(terms.expand('sieb')).toEqual({ words: ['sieben'], sentences: 1 });
    expect(terms.expand('sx')).toEqual({ words: [], sentences: 0 });
    expect(terms.expand('wort', 64)).toBeNull();
    expect(terms.expand('wort', 65)?.words).toHaveLength(65);
    expect(terms.expand('wort00')?.words).toHaveLength(10);
    // Every write counts its words again: the figure only weighs the two queries.
    edit(store, segmentIds[2]!, 'Sie, bitte sehr.');
    terms.drain();
    expect(sentencesOf(db, 'sie')).toBe(3);
    expect(sentencesOf(db, 'sehr')).toBe(1);
  });

  it('uses the whole words where an OR of them costs less than the prefix query (the measured rule)', () => {
    // Measured at 100k sentences (page + count): "si", 40 words in 71,750 sentences: 14.9 ms as a prefix, 4.6 ms
    // as an OR; "fo", 41 words in 11,250: 3.9 against 4.8 ms; at 1k "si", 26 words in 716: 1.6 against 1.8 ms.
    const of = (n: number, sentences: number) => ({ words: Array.from({ length: n }, (_, i) => `w${i}`), sentences });
    expect(wordsAreCheaper(of(40, 71_750))).toBe(true);
    expect(wordsAreCheaper(of(2, 20_000))).toBe(true);
    expect(wordsAreCheaper(of(41, 11_250))).toBe(false);
    expect(wordsAreCheaper(of(26, 716))).toBe(false);
    expect(wordsAreCheaper(of(1, 5))).toBe(true);
    expect(wordsAreCheaper(of(0, 0))).toBe(false);
    // In a store: a frequent word is looked for as a word, rare ones by the prefix query.
    insertDocument(store, [
      ...Array.from({ length: 40 }, () => ({ text: 'Klicken Sie hier.' })),
      { text: 'Hilfe, Himmel, Hinweis.' },
    ]);
    expect(store.search.prepare('Si', always).match).toBe('("sie")');
    expect(store.search.prepare('Hi').match).toBe('"Hi" *');
  });

  it('finds the words of a write that did not drain them: the expansion reads the pending words too', () => {
    const { documentId, segmentIds } = insertDocument(store, [{ text: 'Klicken Sie hier.' }, { text: 'Nichts.' }]);
    searchTermsRepository(db).drain();
    rawEdit(db, segmentIds[1]!, 'Ein Sieb.');
    expect(pendingWords(db)).toEqual(['ein', 'sieb']);
    const prepared = store.search.prepare('sie', always);
    expect(prepared.match).toBe('("sie" OR "sieb")');
    const hits = store.search.page(prepared, { documentId }).hits;
    expect(hits.map((h) => h.segmentId)).toEqual(segmentIds);
    expect(store.search.count(prepared, { documentId, cap: 10 })).toEqual({ count: 2, atLeast: false });
    // The next drain moves them.
    searchTermsRepository(db).drain();
    expect(pendingWords(db)).toEqual([]);
    expect(storedWords(db)).toContain('sieb');
  });

  it('marks the whole words a prefix matched in the snippet', () => {
    const { documentId } = insertDocument(store, [{ text: 'Sie sehen siebenmal, was Sie wollen.' }]);
    const [hit] = store.search.page('klicken Sie', { documentId }).hits;
    expect(hit).toBeUndefined();
    const prepared = store.search.prepare('sie', always);
    expect(prepared.match).toBe('("sie" OR "siebenmal")');
    const [found] = store.search.page(prepared, { documentId }).hits;
    expect(splitSnippet(found!.snippet).filter((r) => r.match).map((r) => r.text)).toEqual(['Sie', 'siebenmal', 'Sie']);
    expect(found!.snippet.includes(MATCH_START) && found!.snippet.includes(MATCH_END)).toBe(true);
  });

  it('writes the other words and phrases beside an OR of the expanded last phrase', () => {
    insertDocument(store, [{ text: 'Alma-Ata und Almaty, klicken Sie.' }]);
    expect(store.search.prepare('klicken "und" Alma-At', always).match).toBe('"klicken" AND "und" AND ("alma ata")');
    expect(store.search.prepare('Alm', always).match).toBe('("alma" OR "almaty")');
    expect(store.search.prepare('ALMÂ', always).match).toBe('("alma" OR "almaty")'); // folded as the index folds
    expect(store.search.prepare('klicken si').match).toBe('"klicken" AND ("sie")');
    expect(store.search.prepare('klicken sie ').match).toBe(toMatchExpression('klicken sie '));
    // No whole word starts with it: FTS5's own prefix query, which reads no list either.
    expect(store.search.prepare('klicken qq').match).toBe(toMatchExpression('klicken qq'));
  });
});

describe('an expanded prefix finds what FTS5 prefix query finds (property)', () => {
  // Accents, case, ß, Cyrillic, Greek, CJK, digits, a letter with a combining accent; words joined by apostrophes
  // and hyphens.
  const letter = fc.constantFrom(...['a', 'A', 'e', 'É', 'é', 'è', 's', 'S', 'ß', 'ẞ', 'i', 'İ', 'ö', 'Ö', 'u', 'ü', 'ж', 'Ж', 'я', 'Я', 'Ω', 'ω', '日', '本', '語', '7', '0', 'e\u0301']);
  const part = fc.array(letter, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
  const word = fc
    .tuple(part, fc.option(fc.tuple(fc.constantFrom("'", '’', '-'), part), { nil: undefined }))
    .map(([a, rest]) => (rest ? `${a}${rest[0]}${rest[1]}` : a));
  const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => `${ws.join(' ')}.`);
  const write = fc.record({ at: fc.nat(), text: sentence, how: fc.constantFrom('edit', 'note', 'raw') });
  const typed = fc.record({
    before: fc.constantFrom('', 'word', 'phrase'),
    pick: fc.nat(),
    other: fc.nat(),
    cut: fc.nat(),
    // A prefix cut from a stored word, or (one time in five) typed at random.
    random: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: word, weight: 1 }),
  });
  let expanded = 0;

  it('the same hits, in the same order, with the same snippets, and the same counts', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 6 }),
        fc.array(sentence, { minLength: 1, maxLength: 4 }),
        fc.array(write, { maxLength: 5 }),
        fc.array(typed, { minLength: 1, maxLength: 5 }),
        (first, second, writes, queries) => {
          const localDb = openMemoryDatabase();
          const local = createStore(localDb);
          try {
            const a = insertDocument(local, first.map((text) => ({ text })), { title: 'A' });
            const b = insertDocument(local, second.map((text) => ({ text })), { title: 'B' });
            const ids = [...a.segmentIds, ...b.segmentIds];
            const texts = [...first, ...second];
            for (const { at, text: written, how } of writes) {
              const id = ids[at % ids.length]!;
              // The first word written lengthens a word stored: a prefix of one is a prefix of both.
              const text = `${texts[at % texts.length]!.split(' ')[0]!.replace(/\.$/u, '')}${written}`;
              if (how === 'edit') edit(local, id, text);
              else if (how === 'note') local.notes.set(id, text, NOW + 3);
              else rawEdit(localDb, id, text);
              texts.push(text);
            }
            const words = texts.flatMap((t) => t.replace(/\.$/u, '').split(' '));
            for (const q of queries) {
              const target = q.random ?? words[q.pick % words.length]!;
              const letters = Array.from(target);
              // Mostly two letters or more (a one-letter last word is looked for whole: no prefix to expand).
              const prefix = letters.slice(0, Math.min(letters.length, 1 + (q.cut % (letters.length + 1)))).join('');
              const other = words[q.other % words.length]!;
              const query = q.before === 'word' ? `${other} ${prefix}` : q.before === 'phrase' ? `"${other} ${other}" ${prefix}` : prefix;
              const native = { match: toMatchExpression(query) };
              const prepared = local.search.prepare(query, always);
              if (prepared.match !== native.match) expanded += 1;
              const scopes: SearchOptions[] = [{ documentId: a.documentId }, { documentId: b.documentId }, {}, { firstDocumentId: b.documentId }];
              for (const scope of scopes) {
                const all = { ...scope, limit: 500 };
                expect(local.search.page(prepared, all)).toEqual(local.search.page(native, all));
                // Keyset paging: a page of two and the page after it.
                const page = local.search.page(prepared, { ...scope, limit: 2 });
                expect(page).toEqual(local.search.page(native, { ...scope, limit: 2 }));
                if (page.next) {
                  const after = { ...scope, limit: 2, after: page.next };
                  expect(local.search.page(prepared, after)).toEqual(local.search.page(native, after));
                }
                for (const cap of [1, 1000]) {
                  const counted = { documentId: scope.documentId, cap };
                  expect(local.search.count(prepared, counted)).toEqual(local.search.count(native, counted));
                }
              }
            }
          } finally {
            local.close();
          }
        },
      ),
      { numRuns: 150 },
    );
    // The property says something only if the expansion was taken, and taken often.
    expect(expanded).toBeGreaterThan(150);
  });
});

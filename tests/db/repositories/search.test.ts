import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, splitSnippet, type SearchHit } from '../../../core/model/search';
import { segmentText } from '../../../core/segmentation';
import { MAX_SEARCH_LIMIT, toMatchExpression, type SearchOptions } from '../../../db/repositories/search';
import type { Store } from '../../../db/store';
import { FIXTURE_TEXT } from '../../electron/support';
import { insertDocument, NOW, openMemoryStore } from '../testDb';

let store: Store;
beforeEach(() => {
  store = openMemoryStore();
});
afterEach(() => store.close());

/** The sample article stored as import stores it: 91 sentences. */
function sample(title = 'Kazakhstan') {
  const { segments } = segmentText(FIXTURE_TEXT);
  return insertDocument(
    store,
    segments.map((s) => ({ text: s.text, paragraph: s.paragraph })),
    { title },
  );
}

/** A correction, as the segment service writes one: the revision first, then the sentence. */
function edit(segmentId: number, text: string) {
  store.transaction(() => {
    store.revisions.append(segmentId, text, 'edit', NOW + 1);
    store.segments.setText(segmentId, text, 'edited', NOW + 1);
  });
}

/** A page of hits, as the search service asks for one. */
const searchIn = (on: Store, query: string, options?: SearchOptions) => on.search.page(query, options).hits;

/** The snippet without its markers, and the marked parts. */
const plainOf = (hit: SearchHit) => hit.snippet.replaceAll(MATCH_START, '').replaceAll(MATCH_END, '');
const marked = (hit: SearchHit) =>
  splitSnippet(hit.snippet)
    .filter((r) => r.match)
    .map((r) => r.text);

describe('the query as an FTS5 expression', () => {
  it('quotes every word and phrase, and makes the last word a prefix while typing', () => {
    expect(toMatchExpression('Alma-Ata')).toBe('"Alma Ata" *');
    expect(toMatchExpression('Alma-Ata ')).toBe('"Alma Ata"');
    expect(toMatchExpression('airport Alma')).toBe('"airport" "Alma" *');
    expect(toMatchExpression('"the airport of" Alma')).toBe('"the airport of" "Alma" *');
    expect(toMatchExpression('Alma "the airport"')).toBe('"Alma" "the airport"');
    expect(toMatchExpression('“the airport” of')).toBe('"the airport" "of" *');
    expect(toMatchExpression('"the airp')).toBe('"the airp" *'); // an unclosed phrase, still being typed
    expect(toMatchExpression('Алма-Ата, Zürich 2022')).toBe('"Алма Ата" "Zürich" "2022" *');
  });

  it('looks for a one-letter last word whole: as a prefix it would match most words of a book', () => {
    expect(toMatchExpression('d')).toBe('"d"');
    expect(toMatchExpression('klicken S')).toBe('"klicken" "S"');
    expect(toMatchExpression('Alma-A')).toBe('"Alma A"'); // the phrase's last word is the one typed
    expect(toMatchExpression('e\u0301')).toBe('"e\u0301"'); // a letter with its accent is one letter
    expect(toMatchExpression('Si')).toBe('"Si" *');
    expect(toMatchExpression('日本')).toBe('"日本" *');
  });

  it('passes no FTS5 syntax through: operators, column filters, stars, carets and quotes are words or nothing', () => {
    expect(toMatchExpression('NEAR(Alma Ata, 2)')).toBe('"NEAR Alma" "Ata" "2"');
    expect(toMatchExpression('mt:Alma OR target:Almaty')).toBe('"mt Alma" "OR" "target Almaty" *');
    expect(toMatchExpression('Alma* AND NOT ^Ata')).toBe('"Alma" "AND" "NOT" "Ata" *');
    expect(toMatchExpression('{mt target}: "a""b"')).toBe('"mt" "target" "a" "b"');
    expect(toMatchExpression('x\u0000y')).toBe('"x y"');
  });

  it('has nothing to look for in an empty or punctuation-only query', () => {
    for (const query of ['', '   ', '""', '"', '* ( ) : ^ -', '…, – ; ! ?', '\u0301', '😀 ©', '\u0000']) {
      expect(toMatchExpression(query), JSON.stringify(query)).toBeNull();
    }
  });
});

describe('full-text search', () => {
  it('finds the four sentences of the sample that name Alma-Ata, with the match marked', () => {
    const { documentId } = sample();
    const hits = searchIn(store, 'Alma-Ata', { documentId });
    expect(hits).toHaveLength(4);
    for (const hit of hits) {
      const segment = store.segments.get(hit.segmentId)!;
      expect(segment.currentText).toContain('Alma-Ata');
      expect(hit).toMatchObject({
        documentId,
        documentTitle: 'Kazakhstan',
        position: segment.position,
        field: 'target',
      });
      expect(segment.currentText).toContain(plainOf(hit)); // the snippet is of its own sentence
      expect(marked(hit)).toEqual(['Alma-Ata']);
    }
    expect(new Set(hits.map((h) => h.segmentId)).size).toBe(4); // one hit per sentence
    // The same sentences while the editor is still typing, and without the hyphen.
    const ids = hits.map((h) => h.segmentId).sort();
    expect(
      searchIn(store, 'alma-at', { documentId })
        .map((h) => h.segmentId)
        .sort(),
    ).toEqual(ids);
    expect(
      searchIn(store, '"alma ata"', { documentId })
        .map((h) => h.segmentId)
        .sort(),
    ).toEqual(ids);
  });

  it('ignores case and diacritics, and needs every word', () => {
    const { documentId } = insertDocument(store, [
      { text: 'The airport of Alma-Ata was destroyed.' },
      { text: 'The airport is open.' },
      { text: 'Zürich and Almaty.' },
    ]);
    expect(searchIn(store, 'AIRPORT destroyed', { documentId })).toHaveLength(1);
    expect(searchIn(store, 'airport ', { documentId })).toHaveLength(2);
    expect(searchIn(store, 'zurich', { documentId }).map(marked)).toEqual([['Zürich']]);
    expect(searchIn(store, 'airport zurich', { documentId })).toEqual([]);
  });

  it('gives hits in document order, a page at a time (keyset by position)', () => {
    const { documentId, segmentIds } = insertDocument(store, [
      { text: 'Protesters gathered in the square, and the police watched from a distance all afternoon.' },
      { text: 'Protesters, protesters everywhere.' },
      { text: 'Nothing to see here at all.' },
      { text: 'The weather was cold, the protesters went home.' },
      { text: 'Protesters again.' },
    ]);
    expect(searchIn(store, 'protesters', { documentId }).map((h) => h.position)).toEqual([1, 2, 4, 5]);
    const first = store.search.page('protesters', { documentId, limit: 2 });
    expect(first.hits.map((h) => h.segmentId)).toEqual([segmentIds[0], segmentIds[1]]);
    expect(first.next).toEqual({ documentId, position: 2 });
    const second = store.search.page('protesters', { documentId, limit: 2, after: first.next! });
    expect(second.hits.map((h) => h.position)).toEqual([4, 5]);
    expect(second.next).toBeNull(); // the last page says so
    expect(store.search.page('protesters', { documentId, limit: 4 }).next).toBeNull();
  });

  it('counts the matching sentences up to a cap, and says when it stopped there', () => {
    const { documentId } = insertDocument(
      store,
      Array.from({ length: 30 }, (_, i) => ({ text: i % 3 === 0 ? `Sentence ${i} names Almaty.` : `Sentence ${i}.` })),
    );
    expect(store.search.count('almaty', { documentId, cap: 100 })).toEqual({ count: 10, atLeast: false });
    expect(store.search.count('almaty', { documentId, cap: 10 })).toEqual({ count: 10, atLeast: false });
    expect(store.search.count('almaty', { documentId, cap: 4 })).toEqual({ count: 4, atLeast: true });
    expect(store.search.count('nowhere', { documentId, cap: 4 })).toEqual({ count: 0, atLeast: false });
    expect(store.search.count('', { cap: 4 })).toEqual({ count: 0, atLeast: false });
  });

  it('keeps each document to its own sentences when two imports interleave their ids', () => {
    // Two documents whose sentences were stored in turns (two imports running at once): ids interleave, so a
    // document's span of ids holds the other's sentences too; neither the pages nor the count may show them.
    const make = (title: string) =>
      store.documents.insert({ title, fileName: `${title}.txt`, format: 'text', leading: '', hasBom: false, createdAt: NOW });
    const a = make('A');
    const b = make('B');
    for (let position = 1; position <= 6; position++) {
      for (const documentId of [a, b]) {
        store.segments.insert({ documentId, position, paragraph: 1, mtText: `Almaty ${documentId}-${position}.`, sourceText: null, trailing: '', createdAt: NOW });
      }
    }
    const pages: number[][] = [];
    let after: SearchOptions['after'];
    do {
      const page = store.search.page('almaty', { documentId: b, limit: 4, after });
      expect(page.hits.every((h) => h.documentId === b)).toBe(true);
      pages.push(page.hits.map((h) => h.position));
      after = page.next ?? undefined;
    } while (after);
    expect(pages).toEqual([[1, 2, 3, 4], [5, 6]]);
    expect(store.search.count('almaty', { documentId: a, cap: 100 })).toEqual({ count: 6, atLeast: false });
    expect(store.search.count('almaty', { cap: 100 })).toEqual({ count: 12, atLeast: false });
    // Every document: the first document asked for, then the others by title, each in position order.
    const everywhere = searchIn(store, 'almaty', { firstDocumentId: b }).map((h) => `${h.documentTitle}${h.position}`);
    expect(everywhere).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    const across = store.search.page('almaty', { limit: 5, after: { documentId: a, position: 4 } });
    expect(across.hits.map((h) => `${h.documentTitle}${h.position}`)).toEqual(['A5', 'A6', 'B1', 'B2', 'B3']);
    expect(across.next).toEqual({ documentId: b, position: 3 });
  });

  it('finds the words of a correction once it is made (the triggers keep the index current)', () => {
    const { documentId } = sample();
    const [first] = searchIn(store, 'Alma-Ata ', { documentId });
    const almatyBefore = searchIn(store, 'Almaty ', { documentId }).map((h) => h.segmentId);
    expect(almatyBefore).not.toContain(first!.segmentId); // the sample spells it both ways, elsewhere
    const text = store.segments.get(first!.segmentId)!.currentText.replace('Alma-Ata', 'Almaty');
    edit(first!.segmentId, text);

    const almaty = searchIn(store, 'Almaty ', { documentId });
    expect(almaty.map((h) => h.segmentId)).toContain(first!.segmentId);
    expect(almaty.find((h) => h.segmentId === first!.segmentId)).toMatchObject({ field: 'target' });
    // The MT still says Alma-Ata: the sentence is still found, now by its MT.
    const again = searchIn(store, 'Alma-Ata ', { documentId });
    expect(again).toHaveLength(4);
    expect(again.find((h) => h.segmentId === first!.segmentId)).toMatchObject({ field: 'mt' });
    expect(marked(again.find((h) => h.segmentId === first!.segmentId)!)).toEqual(['Alma-Ata']);
  });

  it('finds a note, reports it as the field, and forgets it when the note is cleared', () => {
    const { documentId, segmentIds } = sample();
    const id = segmentIds[10]!;
    store.notes.set(id, 'Ask the client whether to keep Izvestia in italics.', NOW);
    const hits = searchIn(store, 'italics client', { documentId });
    expect(hits).toEqual([expect.objectContaining({ segmentId: id, field: 'note', position: 11 })]);
    expect(marked(hits[0]!)).toEqual(['client', 'italics']);
    store.notes.set(id, 'Checked.', NOW + 1);
    expect(searchIn(store, 'italics', { documentId })).toEqual([]);
    expect(searchIn(store, 'checked', { documentId })).toHaveLength(1);
    store.notes.set(id, '', NOW + 2);
    expect(searchIn(store, 'checked', { documentId })).toEqual([]);
  });

  it('finds the source text of a sentence', () => {
    const documentId = store.documents.insert({
      title: 'With source',
      fileName: 'src.txt',
      format: 'text',
      leading: '',
      hasBom: false,
      createdAt: NOW,
    });
    const segmentId = store.segments.insert({
      documentId,
      position: 1,
      paragraph: 1,
      mtText: 'The airport of Alma-Ata was destroyed.',
      sourceText: 'Аэропорт Алма-Аты был разрушен.',
      trailing: '',
      createdAt: NOW,
    });
    const hits = searchIn(store, 'аэропорт', { documentId });
    expect(hits).toEqual([expect.objectContaining({ segmentId, field: 'source' })]);
    expect(marked(hits[0]!)).toEqual(['Аэропорт']);
  });

  it('searches every document when no document is given, and one when it is', () => {
    const first = sample('Kazakhstan');
    const second = sample('Kazakhstan, second copy');
    const everywhere = searchIn(store, 'Alma-Ata');
    expect(everywhere).toHaveLength(8);
    expect(new Set(everywhere.map((h) => h.documentId))).toEqual(new Set([first.documentId, second.documentId]));
    expect(new Set(everywhere.map((h) => h.documentTitle))).toEqual(new Set(['Kazakhstan', 'Kazakhstan, second copy']));
    expect(
      searchIn(store, 'Alma-Ata', { documentId: second.documentId })
        .every((h) => h.documentId === second.documentId),
    ).toBe(true);
    expect(searchIn(store, 'Alma-Ata', { documentId: 999 })).toEqual([]);
  });

  it('returns at most the limit asked for, within bounds', () => {
    const { documentId } = sample();
    expect(searchIn(store, 'the', { documentId, limit: 3 })).toHaveLength(3);
    expect(searchIn(store, 'the', { documentId, limit: 0 })).toHaveLength(1);
    expect(searchIn(store, 'the', { documentId, limit: Number.NaN }).length).toBeGreaterThan(3);
    expect(searchIn(store, 'the', { documentId, limit: 10_000 }).length).toBeLessThanOrEqual(MAX_SEARCH_LIMIT);
    expect(store.search.page('the', { documentId, limit: 3 }).next).toEqual({ documentId, position: searchIn(store, 'the', { documentId, limit: 3 })[2]!.position });
  });

  it('shows a window of a long text, cut with an ellipsis', () => {
    const long = `${'Filler words go here. '.repeat(20)}The airport of Alma-Ata was destroyed. ${'More filler text. '.repeat(20)}`;
    const { documentId } = insertDocument(store, [{ text: long }]);
    const [hit] = searchIn(store, 'Alma-Ata', { documentId });
    expect(hit!.snippet.length).toBeLessThan(long.length / 2);
    expect(hit!.snippet).toContain('…');
    expect(marked(hit!)).toEqual(['Alma-Ata']);
  });

  it('keeps the markers unambiguous when the text itself holds the marker characters', () => {
    const { documentId } = insertDocument(store, [{ text: 'A \u0001stray\u0002 control and Alma-Ata \u0002.' }]);
    const [hit] = searchIn(store, 'Alma-Ata', { documentId });
    expect(splitSnippet(hit!.snippet)).toEqual([
      { text: 'A stray control and ', match: false },
      { text: 'Alma-Ata', match: true },
      { text: ' .', match: false },
    ]);
  });

  it('finds nothing for an empty or punctuation-only query', () => {
    sample();
    for (const query of ['', '  ', '"', '""', '...', '*', '( )', ' - – — '])
      expect(searchIn(store, query)).toEqual([]);
  });

  it('never fails on hostile queries', () => {
    sample();
    const hostile = [
      'NEAR(Alma Ata)',
      'NEAR("a" "b", 5)',
      'mt:Alma',
      'source : x',
      '{mt note}: Alma',
      '- Alma',
      '^Alma',
      'Alma*',
      '*Alma',
      'a AND OR NOT b',
      'OR',
      'NOT',
      '"unterminated',
      '"a" "',
      'a"b"c',
      "O'Brien; DROP TABLE segments; --",
      '\\" \\\\ \'',
      ')(',
      '(((((((((((a',
      'x\u0000y',
      '\ud800 lone surrogate \udfff',
      '🇰🇿 Алматы 新华社 العربية',
      'e\u0301\u0301\u0301',
      'a'.repeat(5000),
      Array.from({ length: 500 }, (_, i) => `w${i}`).join(' '),
      Array.from({ length: 300 }, () => '"').join('x'),
    ];
    for (const query of hostile) {
      expect(() => searchIn(store, query), JSON.stringify(query).slice(0, 60)).not.toThrow();
    }
    expect(store.segments.count(1)).toBe(91); // and nothing was dropped
  });

  it('never fails on any text at all (property)', () => {
    const { documentId } = sample();
    const syntax = fc.constantFrom(
      ...'"*():^-+{}NEAR AND OR NOT mt: target: '.split(''),
      '"',
      ' ',
      'NEAR',
      'mt:',
      '\u0000',
    );
    const query = fc
      .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), syntax), { maxLength: 12 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(query, fc.boolean(), (q, inDocument) => {
        const hits = searchIn(store, q, inDocument ? { documentId } : {});
        expect(Array.isArray(hits)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds any word of a sentence, typed in full or in part of two letters or more (property)', () => {
    const letter = fc.constantFrom(...'aBzéÉßЖжΩλ日本ع7'.split(''));
    const word = fc.array(letter, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (words, pick, cut) => {
        const local = openMemoryStore();
        try {
          const text = `${words.join(' ')}.`;
          const { documentId, segmentIds } = insertDocument(local, [{ text }, { text: 'Unrelated filler.' }]);
          const target = words[pick % words.length]!;
          const ids = (q: string) => searchIn(local, q, { documentId }).map((h) => h.segmentId);
          expect(ids(`${target} `)).toContain(segmentIds[0]);
          // A part of two letters or more (one letter is looked for whole), or the whole word.
          const letters = Array.from(target);
          const prefix = letters.slice(0, Math.min(letters.length, 2 + (cut % letters.length))).join('');
          expect(ids(prefix)).toContain(segmentIds[0]);
        } finally {
          local.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

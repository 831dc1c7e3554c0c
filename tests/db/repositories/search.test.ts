import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, splitSnippet, type SearchHit } from '../../../core/model/search';
import { segmentText } from '../../../core/segmentation';
import { MAX_SEARCH_LIMIT, toMatchExpression } from '../../../db/repositories/search';
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

  it('passes no FTS5 syntax through: operators, column filters, stars, carets and quotes are words or nothing', () => {
    expect(toMatchExpression('NEAR(Alma Ata, 2)')).toBe('"NEAR Alma" "Ata" "2" *');
    expect(toMatchExpression('mt:Alma OR target:Almaty')).toBe('"mt Alma" "OR" "target Almaty" *');
    expect(toMatchExpression('Alma* AND NOT ^Ata')).toBe('"Alma" "AND" "NOT" "Ata" *');
    expect(toMatchExpression('{mt target}: "a""b"')).toBe('"mt" "target" "a" "b"');
    expect(toMatchExpression('x\u0000y')).toBe('"x y" *');
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
    const hits = store.search.search('Alma-Ata', { documentId });
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
      store.search
        .search('alma-a', { documentId })
        .map((h) => h.segmentId)
        .sort(),
    ).toEqual(ids);
    expect(
      store.search
        .search('"alma ata"', { documentId })
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
    expect(store.search.search('AIRPORT destroyed', { documentId })).toHaveLength(1);
    expect(store.search.search('airport ', { documentId })).toHaveLength(2);
    expect(store.search.search('zurich', { documentId }).map(marked)).toEqual([['Zürich']]);
    expect(store.search.search('airport zurich', { documentId })).toEqual([]);
  });

  it('ranks by bm25: more matches in a shorter text first', () => {
    const { documentId, segmentIds } = insertDocument(store, [
      { text: 'Protesters gathered in the square, and the police watched from a distance all afternoon.' },
      { text: 'Protesters, protesters everywhere.' },
      { text: 'Nothing to see here at all.' },
      { text: 'The weather was cold.' },
    ]);
    expect(store.search.search('protesters', { documentId }).map((h) => h.segmentId)).toEqual([
      segmentIds[1],
      segmentIds[0],
    ]);
  });

  it('finds the words of a correction once it is made (the triggers keep the index current)', () => {
    const { documentId } = sample();
    const [first] = store.search.search('Alma-Ata ', { documentId });
    const almatyBefore = store.search.search('Almaty ', { documentId }).map((h) => h.segmentId);
    expect(almatyBefore).not.toContain(first!.segmentId); // the sample spells it both ways, elsewhere
    const text = store.segments.get(first!.segmentId)!.currentText.replace('Alma-Ata', 'Almaty');
    edit(first!.segmentId, text);

    const almaty = store.search.search('Almaty ', { documentId });
    expect(almaty.map((h) => h.segmentId)).toContain(first!.segmentId);
    expect(almaty.find((h) => h.segmentId === first!.segmentId)).toMatchObject({ field: 'target' });
    // The MT still says Alma-Ata: the sentence is still found, now by its MT.
    const again = store.search.search('Alma-Ata ', { documentId });
    expect(again).toHaveLength(4);
    expect(again.find((h) => h.segmentId === first!.segmentId)).toMatchObject({ field: 'mt' });
    expect(marked(again.find((h) => h.segmentId === first!.segmentId)!)).toEqual(['Alma-Ata']);
  });

  it('finds a note, reports it as the field, and forgets it when the note is cleared', () => {
    const { documentId, segmentIds } = sample();
    const id = segmentIds[10]!;
    store.notes.set(id, 'Ask the client whether to keep Izvestia in italics.', NOW);
    const hits = store.search.search('italics client', { documentId });
    expect(hits).toEqual([expect.objectContaining({ segmentId: id, field: 'note', position: 11 })]);
    expect(marked(hits[0]!)).toEqual(['client', 'italics']);
    store.notes.set(id, 'Checked.', NOW + 1);
    expect(store.search.search('italics', { documentId })).toEqual([]);
    expect(store.search.search('checked', { documentId })).toHaveLength(1);
    store.notes.set(id, '', NOW + 2);
    expect(store.search.search('checked', { documentId })).toEqual([]);
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
    const hits = store.search.search('аэропорт', { documentId });
    expect(hits).toEqual([expect.objectContaining({ segmentId, field: 'source' })]);
    expect(marked(hits[0]!)).toEqual(['Аэропорт']);
  });

  it('searches every document when no document is given, and one when it is', () => {
    const first = sample('Kazakhstan');
    const second = sample('Kazakhstan, second copy');
    const everywhere = store.search.search('Alma-Ata');
    expect(everywhere).toHaveLength(8);
    expect(new Set(everywhere.map((h) => h.documentId))).toEqual(new Set([first.documentId, second.documentId]));
    expect(new Set(everywhere.map((h) => h.documentTitle))).toEqual(new Set(['Kazakhstan', 'Kazakhstan, second copy']));
    expect(
      store.search
        .search('Alma-Ata', { documentId: second.documentId })
        .every((h) => h.documentId === second.documentId),
    ).toBe(true);
    expect(store.search.search('Alma-Ata', { documentId: 999 })).toEqual([]);
  });

  it('returns at most the limit asked for, within bounds', () => {
    const { documentId } = sample();
    expect(store.search.search('the', { documentId, limit: 3 })).toHaveLength(3);
    expect(store.search.search('the', { documentId, limit: 0 })).toHaveLength(1);
    expect(store.search.search('the', { documentId, limit: Number.NaN }).length).toBeGreaterThan(3);
    expect(store.search.search('the', { documentId, limit: 10_000 }).length).toBeLessThanOrEqual(MAX_SEARCH_LIMIT);
  });

  it('shows a window of a long text, cut with an ellipsis', () => {
    const long = `${'Filler words go here. '.repeat(20)}The airport of Alma-Ata was destroyed. ${'More filler text. '.repeat(20)}`;
    const { documentId } = insertDocument(store, [{ text: long }]);
    const [hit] = store.search.search('Alma-Ata', { documentId });
    expect(hit!.snippet.length).toBeLessThan(long.length / 2);
    expect(hit!.snippet).toContain('…');
    expect(marked(hit!)).toEqual(['Alma-Ata']);
  });

  it('keeps the markers unambiguous when the text itself holds the marker characters', () => {
    const { documentId } = insertDocument(store, [{ text: 'A \u0001stray\u0002 control and Alma-Ata \u0002.' }]);
    const [hit] = store.search.search('Alma-Ata', { documentId });
    expect(splitSnippet(hit!.snippet)).toEqual([
      { text: 'A stray control and ', match: false },
      { text: 'Alma-Ata', match: true },
      { text: ' .', match: false },
    ]);
  });

  it('finds nothing for an empty or punctuation-only query', () => {
    sample();
    for (const query of ['', '  ', '"', '""', '...', '*', '( )', ' - – — '])
      expect(store.search.search(query)).toEqual([]);
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
      expect(() => store.search.search(query), JSON.stringify(query).slice(0, 60)).not.toThrow();
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
        const hits = store.search.search(q, inDocument ? { documentId } : {});
        expect(Array.isArray(hits)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds any word of a sentence, typed in full or in part (property)', () => {
    const letter = fc.constantFrom(...'aBzéÉßЖжΩλ日本ع7'.split(''));
    const word = fc.array(letter, { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (words, pick, cut) => {
        const local = openMemoryStore();
        try {
          const text = `${words.join(' ')}.`;
          const { documentId, segmentIds } = insertDocument(local, [{ text }, { text: 'Unrelated filler.' }]);
          const target = words[pick % words.length]!;
          const ids = (q: string) => local.search.search(q, { documentId }).map((h) => h.segmentId);
          expect(ids(`${target} `)).toContain(segmentIds[0]);
          const prefix = Array.from(target)
            .slice(0, 1 + (cut % Array.from(target).length))
            .join('');
          expect(ids(prefix)).toContain(segmentIds[0]);
        } finally {
          local.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});

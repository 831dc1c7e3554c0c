import { describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START, SEARCH_COUNT_CAP, splitSnippet } from '../../core/model/search';
import { RedlineError } from '../../core/model/errors';
import { openDatabase } from '../../db/connection';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { createStore } from '../../db/store';
import { onCleanup, openTestServices, SAMPLE } from '../electron/support';

/** Real services on a temp SQLite file with the sample, and a second store on the same file (for notes). */
function setup() {
  const ctx = openTestServices();
  const store = createStore(
    openDatabase(ctx.databaseFile, { clock: () => ctx.clock.now, nativeBinding: nodeNativeBinding() }),
  );
  onCleanup(() => store.close());
  const doc = ctx.services.openSample(SAMPLE);
  return { ...ctx, store, doc };
}

const matchesOf = (snippet: string) =>
  splitSnippet(snippet)
    .filter((r) => r.match)
    .map((r) => r.text);

describe('searchService.search', () => {
  it('finds Alma-Ata in the four sentences of the sample that have it', () => {
    const { services, doc } = setup();
    const hits = services.search.search('Alma-Ata', { documentId: doc.id }).hits;
    const expected = services.segments
      .page(doc.id, 0, 200)
      .items.filter((s) => s.currentText.includes('Alma-Ata'))
      .map((s) => s.id);
    expect(expected).toHaveLength(4);
    expect(hits.map((h) => h.segmentId).sort((a, b) => a - b)).toEqual(expected);
    for (const hit of hits) {
      expect(hit).toMatchObject({ documentId: doc.id, documentTitle: SAMPLE.title, field: 'target' });
      expect(hit.snippet).toContain(`${MATCH_START}Alma-Ata${MATCH_END}`);
      expect(services.segments.get(hit.segmentId).position).toBe(hit.position);
    }
  });

  it('finds the words of a correction after the edit', () => {
    const { services, doc } = setup();
    const [first] = services.search.search('Alma-Ata', { documentId: doc.id }).hits;
    expect(services.search.search('southern capital', { documentId: doc.id }).hits).toEqual([]);
    const segment = services.segments.get(first!.segmentId);
    services.segments.update(segment.id, segment.currentText.replace('Alma-Ata', 'the southern capital'));
    const hits = services.search.search('southern capital', { documentId: doc.id }).hits;
    expect(hits).toEqual([expect.objectContaining({ segmentId: segment.id, field: 'target' })]);
    expect(matchesOf(hits[0]!.snippet)).toEqual(['southern', 'capital']);
    // The MT still has Alma-Ata, so the sentence is still found by it, now in its MT.
    expect(services.search.search('Alma-Ata', { documentId: doc.id }).hits.find((h) => h.segmentId === segment.id)).toMatchObject({
      field: 'mt',
    });
    // Reverting takes the correction's words out of the index again.
    services.segments.revert(segment.id);
    expect(services.search.search('southern capital', { documentId: doc.id }).hits).toEqual([]);
  });

  it("finds a note's text", () => {
    const { services, store, doc, clock } = setup();
    const [, second] = services.segments.page(doc.id, 0, 2).items;
    store.notes.set(second!.id, 'Check the spelling of the square with the client.', clock.now);
    const hits = services.search.search('spelling client', { documentId: doc.id }).hits;
    expect(hits).toEqual([expect.objectContaining({ segmentId: second!.id, field: 'note', position: 2 })]);
    expect(matchesOf(hits[0]!.snippet)).toEqual(['spelling', 'client']);
  });

  it('searches all documents when none is given', () => {
    const { services, doc } = setup();
    const other = services.documents.importText({
      fileName: 'almaty.txt',
      title: 'Almaty notes',
      text: 'Flights to Alma-Ata resumed on Monday. Nothing else changed.',
    });
    const everywhere = services.search.search('Alma-Ata').hits;
    expect(everywhere).toHaveLength(5);
    expect(new Set(everywhere.map((h) => h.documentId))).toEqual(new Set([doc.id, other.id]));
    expect(everywhere.find((h) => h.documentId === other.id)).toMatchObject({
      documentTitle: 'Almaty notes',
      position: 1,
    });
    expect(services.search.search('Alma-Ata', { documentId: other.id }).hits).toHaveLength(1);
    expect(services.search.search('Alma-Ata', { limit: 2 }).hits).toHaveLength(2);
  });

  it('finds nothing for an empty query and never throws on hostile ones', () => {
    const { services, doc } = setup();
    expect(services.search.search('', { documentId: doc.id }).hits).toEqual([]);
    expect(services.search.search(' ,.;!? ', { documentId: doc.id }).hits).toEqual([]);
    for (const query of [
      'NEAR(Alma Ata)',
      'mt:Alma',
      '"Alma',
      'Alma*',
      '(',
      ')',
      '^',
      '"""',
      "'; DROP TABLE notes; --",
      '\u0000',
      'Алма-Ата ⟨⟩',
    ]) {
      expect(() => services.search.search(query, { documentId: doc.id }).hits).not.toThrow();
      expect(() => services.search.search(query)).not.toThrow();
    }
    expect(services.search.search('mt:Alma', { documentId: doc.id }).hits).toEqual([]); // "mt Alma" as a phrase: not in the text
  });

  it('pages through every match in document order, with a count that stops at the cap and says so', () => {
    const { services } = setup();
    // Nine lines in ten name Almaty: more than the cap match.
    const text = Array.from({ length: Math.ceil((SEARCH_COUNT_CAP * 12) / 10) }, (_, i) => (i % 10 === 5 ? `Plain line ${i}.` : `Line ${i} names Almaty.`)).join('\n');
    const doc = services.documents.importText({ fileName: 'long.txt', title: 'Long', text });
    const first = services.search.search('Almaty', { documentId: doc.id });
    expect(first.total).toEqual({ count: SEARCH_COUNT_CAP, atLeast: true });
    expect(first.hits).toHaveLength(50);
    const seen = [...first.hits];
    for (let next = first.next; next; ) {
      const page = services.search.search('Almaty', { documentId: doc.id, after: next, limit: 500 });
      expect(page.total).toEqual(first.total);
      seen.push(...page.hits);
      next = page.next;
    }
    const positions = seen.map((h) => h.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b)); // document order, no repeats
    expect(new Set(positions).size).toBe(positions.length);
    const expected = services.segments.page(doc.id, 0, 5000).items.filter((s) => s.currentText.includes('Almaty'));
    expect(positions).toEqual(expected.map((s) => s.position)); // every match reached, none silently dropped
    expect(services.search.search('Almaty', { documentId: doc.id, limit: 5 }).next).toEqual({ documentId: doc.id, position: expected[4]!.position });
    // Below the cap the count is exact.
    expect(services.search.search('"Line 12 names"', { documentId: doc.id }).total).toEqual({ count: 1, atLeast: false });
  });

  it('refuses an unknown document', () => {
    const { services } = setup();
    expect(() => services.search.search('Alma', { documentId: 999 })).toThrow(RedlineError);
    expect(() => services.search.search('Alma', { documentId: 999 })).toThrow(/no document with id 999/);
  });
});

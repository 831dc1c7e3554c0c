import { describe, expect, it } from 'vitest';
import { openTestServices, SAMPLE } from '../electron/support';

/**
 * After a document is deleted, the next writes must not be taken for ones already seen: the caches of stored
 * flags are kept by "the newest revision seen", which held only while revision ids were never given twice
 * (migration 0033).
 */
describe('writes after a document is deleted', () => {
  it('check the saved sentence, though the deleted document held the newest revisions', () => {
    const { services } = openTestServices();
    const importText = (text: string) => services.documents.importText({ fileName: 'x.txt', text, hasBom: false }).id;
    const kept = services.openSample(SAMPLE).id;
    const gone = importText('Alpha one. Beta two. Gamma three. Delta four. Epsilon five.');
    services.checks.document(kept); // its flags as of the newest revision: one of the deleted document's
    services.documents.remove(gone);
    importText('One here. Two here. Three here. Four here.');
    const sentence = services.segments.page(kept, 0, 10).items[5]!;
    const text = 'The the protesters left left the city.';
    services.segments.update(sentence.id, text);
    const stored = services.checks.storedInRange(kept, sentence.position, sentence.position).flatMap((s) => s.flags.map((f) => f.check));
    expect(stored).toEqual(services.checks.segment(sentence.id, text).map((f) => f.check));
    expect(stored).toContain('repeated-words');
  });

  it('never lend a deleted document’s names to the document that took its id', () => {
    const { services } = openTestServices();
    const importText = (text: string) => services.documents.importText({ fileName: 'x.txt', text, hasBom: false }).id;
    importText('Hello there. This stays.');
    const gone = importText('President Tokayev spoke today.\n\nThe minister Tokayev agreed.\n\nTokayev left the hall.\n\nAll went home.');
    services.checks.document(gone);
    const goneSentences = services.segments.page(gone, 0, 10).items.map((s) => s.id);
    services.documents.remove(gone);
    const fresh = importText('President Tokaev spoke today.\n\nIt rained.');
    const sentences = services.segments.page(fresh, 0, 10).items;
    // The same document id and sentence ids as the deleted one: what a cache keyed by them must not be fooled by.
    expect([fresh, sentences.map((s) => s.id)]).toEqual([gone, goneSentences.slice(0, 2)]);
    const said = services.checks.segment(sentences[0]!.id, sentences[0]!.currentText).map((f) => f.message);
    expect(said.filter((message) => message.includes('Tokayev'))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../electron/ipc/dispatcher';
import { createHandlers } from '../../../electron/ipc/handlers';
import { SAMPLE, openTestServices, scriptedDialogs } from '../support';

/** The real check handlers over real services and a real store. */
function setup() {
  const test = openTestServices();
  const handlers = createHandlers(test.services, scriptedDialogs(), SAMPLE) as Handlers;
  return { ...test, handlers };
}

const GERMAN = [
  'Die Regierung hat am Montag neue Regeln für den Verkehr in der Stadt beschlossen.',
  'Nach Angaben der Polizei wurden drei Menschen leicht verletzt.',
  'Der Bürgermeister sagte, die Straßen würden bis zum Wochenende gesperrt bleiben.',
].join(' ');

const ENGLISH = 'The council approved the new tramline on Monday. Officials said the tramline would open next spring.';

/** The spelling flags the window would show: asks for the counts first (which checks the document), then the rows. */
async function spellingFlags(handlers: Handlers, documentId: number) {
  await handlers['checks.document']({ documentId });
  const rows = await handlers['checks.inRange']({ documentId, from: 1, to: 999 });
  return rows.flatMap((s) => s.flags.filter((f) => f.check === 'spelling'));
}

describe('the languages a document is checked in, through IPC', () => {
  it('shows them detected, and a German document checked as English flags spelling until it is set to German', async () => {
    const { handlers, services } = setup();
    const doc = services.openSample({ fileName: 'verkehr.txt', title: 'Verkehr', text: GERMAN });
    const documentId = doc.id;
    expect(await handlers['checks.languages']({ documentId })).toEqual({
      stored: { source: null, target: null },
      used: { source: null, target: 'de' },
    });

    expect(await handlers['checks.setLanguages']({ documentId, source: 'ru', target: 'en' })).toBeNull();
    expect(await handlers['checks.languages']({ documentId })).toEqual({
      stored: { source: 'ru', target: 'en' },
      used: { source: 'ru', target: 'en' },
    });
    const asEnglish = (await spellingFlags(handlers, documentId));
    expect(asEnglish.length).toBeGreaterThan(3);

    await handlers['checks.setLanguages']({ documentId, source: null, target: 'de-DE' });
    expect((await handlers['checks.languages']({ documentId })).used).toEqual({ source: null, target: 'de' });
    expect((await spellingFlags(handlers, documentId))).toEqual([]);

    // Back to detection: German again, still no spelling flags.
    await handlers['checks.setLanguages']({ documentId, source: null, target: null });
    expect((await handlers['checks.languages']({ documentId })).stored).toEqual({ source: null, target: null });
    expect((await spellingFlags(handlers, documentId))).toEqual([]);
  }, 120_000);

  it('refuses an unknown document with not_found', async () => {
    const { handlers } = setup();
    const refused = async (work: () => unknown) => {
      try {
        await work();
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(await refused(() => handlers['checks.setLanguages']({ documentId: 99, source: null, target: 'en' }))).toMatchObject({ code: 'not_found' });
    expect(await refused(() => handlers['checks.languages']({ documentId: 99 }))).toMatchObject({ code: 'not_found' });
  });
});

describe('"Add to dictionary", through IPC', () => {
  it('removes the spelling flag from the stored flags of the document, and the word stays in the list', async () => {
    const { handlers, services } = setup();
    const doc = services.openSample({ fileName: 'tram.txt', title: 'Tram', text: ENGLISH });
    const documentId = doc.id;
    await handlers['checks.setLanguages']({ documentId, source: null, target: 'en' });
    const before = await handlers['checks.document']({ documentId });
    const flagged = await spellingFlags(handlers, documentId);
    expect(flagged.length).toBe(2);
    expect(before.counts.spelling).toBe(2);

    expect(await handlers['checks.addWord']({ word: ' tramline ' })).toBeNull();
    expect(services.checks.words()).toContain('tramline');
    const after = await handlers['checks.document']({ documentId });
    expect(await spellingFlags(handlers, documentId)).toEqual([]);
    expect(after.counts.spelling ?? 0).toBe(0);
  });
});

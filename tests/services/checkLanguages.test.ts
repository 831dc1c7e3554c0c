import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../core/checks';
import { documentCheckOptions, resolveLanguages } from '../../services/checkOptions';
import { detectLanguage } from '../../services/languageDetection';
import { spellerFor } from '../../services/spelling';
import { openTestServices, SAMPLE } from '../electron/support';

describe('spelling with the bundled dictionaries', () => {
  it('loads the English dictionary from dictionary-en, offline, once', () => {
    const en = spellerFor('en-US')!;
    expect(spellerFor('en')).toBe(en);
    expect(en.correct('received')).toBe(true);
    expect(en.correct('recieved')).toBe(false);
    expect(en.correct('don’t')).toBe(true);
    expect(en.suggest('recieved')).toContain('received');
    expect(spellerFor('xx')).toBeUndefined();
    expect(spellerFor(null)).toBeUndefined();
  });

  it('a German stem nspell misreads is still known (fest, gehen)', () => {
    const de = spellerFor('de')!;
    expect(de.correct('fest')).toBe(true);
    expect(de.correct('gehen')).toBe(true);
    expect(de.correct('Haus')).toBe(true);
    expect(de.correct('Huas')).toBe(false);
  }, 120_000);

  it('German with the real dictionary: a slip is sure with its fix, a right word nspell lacks stays possible', () => {
    const check = (text: string) => {
      const sentences = [{ paragraph: 1, text }];
      return checkDocument(sentences, documentCheckOptions(sentences, { target: 'de' }))[0]!.filter((f) => f.check === 'spelling');
    };
    expect(spellerFor('de')!.listed?.('detaillierte')).toBe(true);
    expect(check('Die Polizei gab eine detailierte Erklärung ab.').map((f) => [f.confidence, f.fix])).toEqual([['sure', 'Die Polizei gab eine detaillierte Erklärung ab.']]);
    expect(check('Der Film wird in drei Wochen gestreamt.').map((f) => f.confidence)).toEqual(['possible']);
  }, 120_000);
});

describe('languages of a document', () => {
  it('detects the target from the text and the source from the sources when none is stored', () => {
    const sentences = [
      { paragraph: 1, text: 'The police arrested fifteen people after the protest outside the hotel.', source: 'Полиция задержала пятнадцать человек после протеста у гостиницы.' },
      { paragraph: 1, text: 'Several officers were injured during the night.', source: 'Несколько полицейских получили ранения ночью.' },
    ];
    expect(resolveLanguages(sentences, {})).toEqual({ source: 'ru', target: 'en' });
    expect(resolveLanguages(sentences, { source: 'uk-UA', target: 'en-GB' })).toEqual({ source: 'uk', target: 'en' });
    expect(detectLanguage(['Ja.'])).toBeNull();
  });

  it('checks spelling as the app runs it', () => {
    const sentences = [{ paragraph: 1, text: 'The police recieved three reports about the protest last night.' }];
    const flags = checkDocument(sentences, documentCheckOptions(sentences, { target: 'en' }))[0]!;
    expect(flags.map((f) => [f.check, f.confidence, f.fix])).toEqual([['spelling', 'sure', 'The police received three reports about the protest last night.']]);
  });

  it('stores languages, words and settings through the check service', () => {
    const ctx = openTestServices();
    const doc = ctx.services.openSample(SAMPLE);
    expect(ctx.services.checks.languages(doc.id)).toEqual({ stored: { source: null, target: null }, used: { source: null, target: 'en' } });
    ctx.services.checks.setLanguages(doc.id, { source: 'ru', target: 'en' });
    expect(ctx.services.checks.languages(doc.id).stored).toEqual({ source: 'ru', target: 'en' });
    const [first] = ctx.services.segments.page(doc.id, 0, 1).items;
    const misspelled = `${first!.currentText} Tokayevv recieved it.`;
    expect(ctx.services.checks.segment(first!.id, misspelled).some((f) => f.check === 'spelling' && misspelled.slice(f.start, f.end) === 'recieved')).toBe(true);
    ctx.services.checks.addWord('recieved');
    expect(ctx.services.checks.segment(first!.id, misspelled).some((f) => f.check === 'spelling')).toBe(false);
    expect(() => ctx.services.checks.addWord('two words')).toThrow(/one word/);
    ctx.services.checks.setSetting(doc.id, 'spelling', { enabled: false });
    expect(ctx.services.checks.settings(doc.id)).toEqual({ spelling: { enabled: false, showPossible: false } });
  });
});

describe('the languages a file declares', () => {
  it('are stored at import and used by the checks; the editor can still change them', () => {
    const { services } = openTestServices();
    const doc = services.documents.importFile(fileURLToPath(new URL('../core/formats/fixtures/review.sdlxliff', import.meta.url)));
    expect(services.checks.languages(doc.id)).toEqual({ stored: { source: 'ru-RU', target: 'en-US' }, used: { source: 'ru', target: 'en' } });
    services.checks.setLanguages(doc.id, { source: 'ru', target: 'en-GB' });
    expect(services.checks.languages(doc.id).stored).toEqual({ source: 'ru', target: 'en-GB' });
  });
});

describe('the languages a document is shown as checked in', () => {
  it('are those its checks use: detected from its first sentences (kept), as chosen once set', () => {
    const { services } = openTestServices();
    const german = Array.from({ length: 150 }, (_, i) => `Die Regierung hat am Montag die neue Regel Nummer ${i + 1} beschlossen.`);
    const english = Array.from({ length: 600 }, (_, i) => `The council approved the new tramline number ${i + 1} on Monday.`);
    const texts = [...german, ...english];
    const none = { source: null, target: null };
    // The checks detect from the first 400 sentences (an O(1) sample, services/checkOptions.ts).
    const checksUse = resolveLanguages(texts.slice(0, 400).map((text) => ({ paragraph: 1, text, source: null })), none);
    const doc = services.openSample({ fileName: 'mixed.txt', title: 'Mixed', text: texts.join('\n') });
    expect(services.checks.languages(doc.id)).toEqual({ stored: none, used: checksUse });
    services.checks.setLanguages(doc.id, { source: null, target: 'en' });
    expect(services.checks.languages(doc.id).used).toEqual({ source: null, target: 'en' });
  });
});

import { describe, expect, it, vi } from 'vitest';

const seen = vi.hoisted(() => ({ lengths: [] as number[] }));
vi.mock('tinyld', async (original) => {
  const real = await original<typeof import('tinyld')>();
  return {
    ...real,
    detect: (text: string) => (seen.lengths.push(text.length), real.detect(text)),
    detectAll: (text: string) => (seen.lengths.push(text.length), real.detectAll(text)),
  };
});

const { detectLanguage } = await import('../../services/languageDetection');

describe('detectLanguage', () => {
  it('tells the language from sentences spread over the document', () => {
    expect(detectLanguage(Array.from({ length: 200 }, () => 'The police said they had received three reports about the protest.'))).toBe('en');
  });

  it('is not swayed by one word tinyld knows from another language only (a name)', () => {
    const english = ['The harbour of the city was closed for the whole day by the police.', 'The harbour reopened in the evening, said the mayor of the city.', 'Xinhua reported that the harbour reopened.'];
    expect(detectLanguage(english)).toBe('en');
    expect(detectLanguage(['Die Polizei hat drei Anzeigen erhalten und ermittelt nun in der ganzen Stadt.', 'Xinhua berichtete darüber am Abend.'])).toBe('de');
  });

  it('tells a document of short lines (subtitles) from the lines together', () => {
    expect(detectLanguage(Array.from({ length: 30 }, (_, i) => (i % 2 ? 'Where are you going?' : 'I am going home now.')))).toBe('en');
    expect(detectLanguage(['Oui.', 'Non.'])).toBeNull();
  });

  // A 1 MB line (a text that lost its line breaks, a binary read as text) went whole to tinyld: 10 s of the
  // 17 s a check of it took.
  it('reads a bounded sample of a document of one huge sentence', () => {
    seen.lengths.length = 0;
    expect(detectLanguage(['Die Polizei hat drei Anzeigen erhalten. '.repeat(25_000)])).toBe('de');
    expect(seen.lengths.length).toBeGreaterThan(0);
    expect(Math.max(...seen.lengths)).toBeLessThanOrEqual(8001);
  });
});

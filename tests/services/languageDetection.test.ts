import { describe, expect, it, vi } from 'vitest';

const seen = vi.hoisted(() => ({ lengths: [] as number[] }));
vi.mock('tinyld', async (original) => {
  const real = await original<typeof import('tinyld')>();
  return { ...real, detect: (text: string) => (seen.lengths.push(text.length), real.detect(text)) };
});

const { detectLanguage } = await import('../../services/languageDetection');

describe('detectLanguage', () => {
  it('tells the language from sentences spread over the document', () => {
    expect(detectLanguage(Array.from({ length: 200 }, () => 'The police said they had received three reports about the protest.'))).toBe('en');
  });

  // A 1 MB line (a text that lost its line breaks, a binary read as text) went whole to tinyld: 10 s of the
  // 17 s a check of it took.
  it('reads a bounded sample of a document of one huge sentence', () => {
    seen.lengths.length = 0;
    expect(detectLanguage(['Die Polizei hat drei Anzeigen erhalten. '.repeat(25_000)])).toBe('de');
    expect(Math.max(...seen.lengths)).toBeLessThanOrEqual(8001);
  });
});

import { describe, expect, it } from 'vitest';
import { charEditRate, levenshtein } from '../../../core/metrics/levenshtein';
import { segmentMetrics, terPercent } from '../../../core/metrics/segmentMetrics';

describe('segmentMetrics', () => {
  it('measures the Tokayev correction of the seed article', () => {
    const m = segmentMetrics(
      'President Kassym-Jomart Tokayev in the afternoon of January 5, he made a television address to citizens.',
      'On the afternoon of January 5, President Kassym-Jomart Tokayev made a television address to citizens.',
    );
    // tercom words of the correction: On the afternoon of January 5 , President Kassym-Jomart Tokayev made a
    // television address to citizens .  → 17 words; the MT's subject block moves (1 shift), "in"→"On", "he" goes.
    expect(m.refWords).toBe(17);
    expect(m).toMatchObject({ edits: 3, shifts: 1, substitutions: 1, deletions: 1, insertions: 0 });
    expect(m.ter).toBeCloseTo((100 * 3) / 17, 10);
  });

  it('separates options: normalization and case', () => {
    expect(segmentMetrics('Hello, world.', 'Hello world.').edits).toBe(1);
    expect(segmentMetrics('Hello, world.', 'Hello world.', { normalize: false })).toMatchObject({ edits: 1, refWords: 2 });
    expect(segmentMetrics('The Cat', 'the cat').edits).toBe(2);
    expect(segmentMetrics('The Cat', 'the cat', { caseSensitive: false }).edits).toBe(0);
  });

  it('gives 0 for an untouched sentence and 100 for one emptied', () => {
    expect(segmentMetrics('A sentence.', 'A sentence.')).toMatchObject({ ter: 0, charEditRate: 0 });
    expect(segmentMetrics('A sentence.', '').ter).toBe(100);
    expect(terPercent(0, 0)).toBe(0);
  });
});

describe('character edit rate', () => {
  it('is the character distance over the longer length, in percent', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(charEditRate('kitten', 'sitting')).toBeCloseTo((100 * 3) / 7, 10);
    expect(charEditRate('Alma-Ata', 'Almaty')).toBeCloseTo((100 * 3) / 8, 10);
    expect(charEditRate('', '')).toBe(0);
  });

  it('counts a character outside the BMP once', () => {
    expect(charEditRate('a😀', 'a😁')).toBe(50);
  });
});

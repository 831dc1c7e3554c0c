import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../../core/segmentation';
import { icuSentences } from '../../../core/segmentation/icuSentences';
import { referenceSentenceSpans } from './referenceSpans';
import { anyText, proseText } from './textArbitraries';

const oneLine = (text: string): string => text.replace(/[\r\n]/g, ' ');
const icuWhole = (line: string) =>
  [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(line)].map((p) => ({
    start: p.index,
    end: p.index + p.segment.length,
  }));

// Long prose lines: many sentences, so tiny chunks cut through every kind of boundary.
const longProse = fc.array(proseText, { minLength: 1, maxLength: 8 }).map((parts) => oneLine(parts.join(' ')));

describe('linear segmentation', () => {
  it('reads ICU a chunk at a time and finds exactly the boundaries of the whole line', () => {
    fc.assert(
      fc.property(fc.oneof(anyText.map(oneLine), longProse), fc.integer({ min: 1, max: 40 }), (line, chunk) => {
        expect([...icuSentences(line, chunk)]).toEqual(icuWhole(line));
      }),
      { numRuns: 1500 },
    );
  });

  it('splits every line exactly as the segmenter did before it was made linear', () => {
    fc.assert(
      fc.property(fc.oneof(anyText.map(oneLine), longProse), fc.integer({ min: 1, max: 64 }), (line, chunk) => {
        expect(sentenceSpans(line, 0, chunk)).toEqual(referenceSentenceSpans(line));
        expect(sentenceSpans(line)).toEqual(referenceSentenceSpans(line));
      }),
      { numRuns: 1500 },
    );
  });

  it('splits the lines the old pattern stalled on', () => {
    const line = `${'a'.repeat(5000)}. 12 more. ${'Mr. '.repeat(2000)}Smith left.`;
    // Without the cap on a sentence's length (MAX_SENTENCE_LENGTH), which the reference predates.
    expect(sentenceSpans(line, 0, undefined, Infinity)).toEqual(referenceSentenceSpans(line));
  });
});

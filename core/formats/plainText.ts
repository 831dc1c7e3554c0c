import { joinSegments, segmentText } from '../segmentation';
import type { FormatHandler, ParsedDocument, ReviewedUnit } from './types';
import { reviewedTexts } from './units';

/** What a plain text keeps besides its sentences: the whitespace before the first and after each one. */
export interface PlainTextSkeleton {
  leading: string;
  /** `trailings[i]` follows unit i, byte for byte. */
  trailings: string[];
}

/**
 * Plain text: one unit per sentence (core/segmentation), keyed by its 1-based position, grouped by paragraph
 * (blank lines). Writing lays the reviewed sentences out again with joinSegments: an untouched text comes
 * back byte for byte, an emptied sentence takes its spacing with it.
 */
export const textFormat: FormatHandler<PlainTextSkeleton> = {
  id: 'text',
  label: 'Plain text',
  extensions: ['txt', 'text'],
  bilingual: false,
  importOptions: ['alignment'],
  sentences: true,

  parse(text: string): ParsedDocument<PlainTextSkeleton> {
    const { leading, segments } = segmentText(text);
    return {
      format: 'text',
      units: segments.map((s, i) => ({ key: String(i + 1), paragraph: s.paragraph, source: null, target: s.text })),
      skeleton: { leading, trailings: segments.map((s) => s.trailing) },
    };
  },

  write(document: ParsedDocument<PlainTextSkeleton>, units: readonly ReviewedUnit[]): string {
    const texts = reviewedTexts(document, units);
    const { leading, trailings } = document.skeleton;
    return joinSegments({ leading, segments: texts.map((text, i) => ({ text, trailing: trailings[i] ?? '' })) });
  },
};

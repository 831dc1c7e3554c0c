import { checkDocument, type CheckedSentence, type CheckId, type CheckOptions, type Flag } from '../../../core/checks';
import { segmentText } from '../../../core/segmentation';
import { readKazakhstanFixture } from '../kazakhstanFixture';

/** A document from paragraphs, each a sentence or a list of sentences. */
export function doc(...paragraphs: Array<string | readonly string[]>): CheckedSentence[] {
  return paragraphs.flatMap((p, k) => (typeof p === 'string' ? [p] : p).map((text) => ({ paragraph: k + 1, text })));
}

/** The flags of one check on sentence `index` of `sentences` (a lone sentence when given a string). */
export function flagsOf(check: CheckId, sentences: string | CheckedSentence[], index = 0, options: CheckOptions = {}): Flag[] {
  const all = typeof sentences === 'string' ? doc(sentences) : sentences;
  return checkDocument(all, options)[index]!.filter((flag) => flag.check === check);
}

/** What the flags point at, for readable expectations. */
export const spans = (text: string, flags: readonly Flag[]): string[] => flags.map((f) => text.slice(f.start, f.end));

/** A text as the checks see it after segmentation. */
export function segmented(text: string): CheckedSentence[] {
  return segmentText(text).segments.map(({ paragraph, text: t }) => ({ paragraph, text: t }));
}

export const seedSentences = (): CheckedSentence[] => segmented(readKazakhstanFixture());

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Splits text into words, whitespace runs and single punctuation marks, so that a removed space or comma is a
 * change of its own. The tokens concatenate back to the input.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    if (isWordLike || /^\s+$/u.test(segment)) tokens.push(segment);
    else tokens.push(...Array.from(segment));
  }
  return tokens;
}

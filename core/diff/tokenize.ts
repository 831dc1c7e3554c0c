const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Splits text into words, whitespace runs and single punctuation marks, so that a removed space or comma is a
 * change of its own. The tokens concatenate back to the input.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment, isWordLike } of wordSegmenter.segment(text)) {
    if (/^\s+$/u.test(segment)) tokens.push(segment);
    // ICU joins words across a narrow no-break space (U+202F) or a U+FEFF; split there so spaces stay tokens.
    else if (isWordLike) tokens.push(...segment.split(/(\s+)/u).filter((part) => part.length > 0));
    else tokens.push(...Array.from(segment));
  }
  return tokens;
}

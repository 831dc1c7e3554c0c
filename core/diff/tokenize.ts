const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The characters of a text as a reader sees them (grapheme clusters): a flag (two regional indicators), an emoji
 * joined with ZWJ, a consonant with its vowel sign stay one, so a diff never shows half of one changed.
 */
export const graphemes = (text: string): string[] =>
  // Printable ASCII (one character a grapheme) needs no segmenter, which costs a third of a diff's time.
  /^[ -~]*$/u.test(text) ? text.split('') : Array.from(graphemeSegmenter.segment(text), (s) => s.segment);

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
    else {
      // A mark combined onto a space (a stray accent) is one grapheme of both kinds: spaces stay tokens of their own.
      for (const grapheme of segment.length === 1 ? [segment] : graphemes(segment)) {
        if (/\s/u.test(grapheme) && !/^\s+$/u.test(grapheme)) tokens.push(...Array.from(grapheme));
        else tokens.push(grapheme);
      }
    }
  }
  return tokens;
}

import fc from 'fast-check';

/** Line breaks in every convention a file may use, and blank lines (paragraph breaks) built from them. */
export const lineBreak = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\r\r', '\n \n', '\n\t\n\n');

// Words that exercise the segmenter's special cases (abbreviations, initials, numbers) next to random ones.
const word = fc.oneof(
  fc.constantFrom(...'Mr Dr p J K e.g officers Tokayev she said It’s Alma-Ata 13 3.5 2022-01-06'.split(' ')),
  fc.stringMatching(/^[A-Za-z]{1,8}$/),
  fc.stringMatching(/^[0-9]{1,4}$/),
);
const punctuation = fc.constantFrom(...'.,?!…–—-“”"();:’«»', '. ,', '?”', '!»');
const space = fc.constantFrom(' ', '  ', '\t', '\u00a0', '\u3000');

/** Prose-like text: words, punctuation, spacing and line breaks in any order, punctuation-heavy on purpose. */
export const proseText = fc
  .array(
    fc.oneof(
      { arbitrary: word, weight: 4 },
      { arbitrary: punctuation, weight: 3 },
      { arbitrary: space, weight: 3 },
      { arbitrary: lineBreak, weight: 1 },
    ),
    { maxLength: 60 },
  )
  .map((pieces) => pieces.join(''));

/** Any string at all: full Unicode, strings made mostly of whitespace and line breaks, and prose. */
export const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom('\r', '\n', '\r\n', ' ', '\t', '.', 'a', 'B', '?', '\u2028', '\ufeff'),
    maxLength: 60,
  }),
  proseText,
);

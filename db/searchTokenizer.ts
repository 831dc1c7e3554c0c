/**
 * The tokenizer of the search index (segment_search, migration 0032), which every full-text table that reads or
 * folds its words must share: unicode61, accents folded, and words apart at every inline tag character
 * (U+E000–U+EFFF, core/formats/types.ts), which unicode61 alone would take as part of the word beside it.
 */
let tags = '';
for (let c = 0xe000; c < 0xf000; c++) tags += String.fromCharCode(c);
export const SEARCH_TOKENIZE = `tokenize = "unicode61 remove_diacritics 2 separators '${tags}'"`;

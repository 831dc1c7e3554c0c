import { MAX_TAGS, TAG_BASE } from '../core/formats/types';

/**
 * The tokenizer of the search index (segment_search, migration 0032), which every full-text table that reads or
 * folds its words must share: unicode61, accents folded, and words apart at every inline tag character
 * (U+E000–U+EFFF, core/formats/types.ts), which unicode61 alone would take as part of the word beside it.
 */
let tags = '';
for (let c = TAG_BASE; c < TAG_BASE + MAX_TAGS; c++) tags += String.fromCharCode(c);
export const SEARCH_TOKENIZE = `tokenize = "unicode61 remove_diacritics 2 separators '${tags}'"`;

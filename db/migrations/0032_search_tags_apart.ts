/**
 * Inline tags apart from words in the search index. A tag is one private-use character (U+E000–U+EFFF, see
 * core/formats/types.ts), which unicode61 takes as part of a word: `<b>Hilfe</b>` was indexed as one word with its
 * two tags, so a search for Hilfe missed it, and so did the offer of a fix (db/repositories/ruleCandidates.ts).
 * The tokenizer now separates words at every tag character (`separators`, the range written out: FTS5 takes a
 * list of characters), and the two tables that use it are made again with it:
 *
 * - segment_search, filled from the sentences and their notes as migration 0004 did (its triggers, on the
 *   sentences and notes, write into the table of that name whatever it is made with: they stay);
 * - search_pending (migration 0016), empty, with its vocabulary; search_terms refilled from the new index.
 *
 * One pass over the sentences, once (a second or two at 100k sentences).
 */
let tags = '';
for (let c = 0xe000; c < 0xf000; c++) tags += String.fromCharCode(c);
const TOKENIZE = `tokenize = "unicode61 remove_diacritics 2 separators '${tags}'"`;

export default `
DROP TABLE segment_search;

CREATE VIRTUAL TABLE segment_search USING fts5(
  mt, target, source, note, document_id UNINDEXED,
  ${TOKENIZE}
);

INSERT INTO segment_search (rowid, mt, target, source, note, document_id)
  SELECT s.id, s.mt_text, s.current_text, COALESCE(s.source_text, ''), COALESCE(n.text, ''), s.document_id
  FROM segments s LEFT JOIN notes n ON n.segment_id = s.id;

DROP TABLE search_pending_terms;
DROP TABLE search_pending;
CREATE VIRTUAL TABLE search_pending USING fts5(
  text, content = '', detail = none,
  ${TOKENIZE}
);
CREATE VIRTUAL TABLE search_pending_terms USING fts5vocab(search_pending, 'row');

DELETE FROM search_terms;
CREATE VIRTUAL TABLE temp.search_index_terms USING fts5vocab(main, segment_search, 'row');
INSERT INTO search_terms (term, sentences) SELECT term, doc FROM temp.search_index_terms;
DROP TABLE temp.search_index_terms;
`;

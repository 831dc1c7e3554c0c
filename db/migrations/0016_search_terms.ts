/**
 * The words the search index holds, kept as a plain sorted table, so a typed prefix can be expanded into the
 * whole words it stands for (db/repositories/searchTerms.ts) and searched lazily in document order.
 *
 * For a prefix query (`"sie" *`) FTS5 without a prefix index merges the lists of every word starting with the
 * prefix into one list before it can stop at LIMIT: O(occurrences) of those words (9 ms for "Sie" at 100k
 * sentences). An OR of the whole words (`"sie" OR "sieben"`) is walked in rowid order and stops at LIMIT.
 * fts5vocab over segment_search can list those words, but it too reads every occurrence of each word it lists,
 * so the list is kept by the writes instead:
 *
 * - search_terms: every word the index has held (append-only: a word no longer used costs only an empty OR
 *   branch), with `sentences`: how many sentences it was written into, every write counted again (more than the
 *   index holds after edits; it only chooses between the two queries, see search.ts). Filled here once from
 *   segment_search's vocabulary (one scan of the index: 60 ms at 100k sentences).
 * - search_pending: a contentless FTS5 table with segment_search's tokenizer, into which the triggers below put
 *   every text a write gives the index, in the write's own transaction — whatever code wrote it, so no write
 *   path can leave a word unrecorded. Its words (search_pending_terms) are moved into search_terms by the
 *   writes that add text (searchTerms.drain), and read beside search_terms by the expansion, so a write that
 *   does not drain is still found. The words come from FTS5's own tokenizer: nothing re-implements unicode61.
 *   detail=none: only the words matter, not where they are (columnsize=0 would save a row per write, but FTS5
 *   then refuses to scan the table, which whatever counts every table's rows does).
 *
 * The texts of one write go in as one row, joined by spaces: a space separates words for unicode61, so the
 * words are those of each text taken apart. A contentless table needs a rowid from its writer: the sentence's id
 * (an import's ids rise, so FTS5 keeps adding to one segment; a repeated id only repeats a word).
 */
export default `
CREATE TABLE search_terms (term TEXT PRIMARY KEY, sentences INTEGER NOT NULL) WITHOUT ROWID;

CREATE VIRTUAL TABLE search_pending USING fts5(
  text, content = '', detail = none,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_pending_terms USING fts5vocab(search_pending, 'row');

CREATE VIRTUAL TABLE temp.search_index_terms USING fts5vocab(main, segment_search, 'row');
INSERT INTO search_terms (term, sentences) SELECT term, doc FROM temp.search_index_terms;
DROP TABLE temp.search_index_terms;

CREATE TRIGGER search_terms_segment_insert AFTER INSERT ON segments
BEGIN
  INSERT INTO search_pending (rowid, text)
  VALUES (NEW.id, NEW.mt_text || ' ' || CASE WHEN NEW.current_text IS NOT NEW.mt_text THEN NEW.current_text ELSE '' END
          || ' ' || COALESCE(NEW.source_text, ''));
END;

CREATE TRIGGER search_terms_segment_update AFTER UPDATE OF current_text, source_text ON segments
BEGIN
  INSERT INTO search_pending (rowid, text)
  VALUES (NEW.id, NEW.current_text || ' ' || CASE WHEN NEW.source_text IS NOT OLD.source_text THEN COALESCE(NEW.source_text, '') ELSE '' END);
END;

CREATE TRIGGER search_terms_note_insert AFTER INSERT ON notes
BEGIN
  INSERT INTO search_pending (rowid, text) VALUES (NEW.segment_id, NEW.text);
END;

CREATE TRIGGER search_terms_note_update AFTER UPDATE OF text ON notes
BEGIN
  INSERT INTO search_pending (rowid, text) VALUES (NEW.segment_id, NEW.text);
END;
`;

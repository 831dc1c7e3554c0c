/**
 * A document's skeleton is stored in parts, a part per import step: a Trados file's skeleton runs to tens of MB,
 * and writing it as one value (checked as JSON by SQLite on the way in) held the app's requests for seconds at
 * the start of the import. The parts are joined in their order when the document is exported; existing skeletons
 * become part 0. No JSON check on a part: a part is not JSON on its own (the writer parses the joined whole).
 */
export default /* sql */ `
CREATE TABLE document_skeleton_parts (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  part        INTEGER NOT NULL CHECK (part >= 0),
  text        TEXT    NOT NULL,
  PRIMARY KEY (document_id, part)
) STRICT;

INSERT INTO document_skeleton_parts (document_id, part, text)
  SELECT document_id, 0, skeleton FROM document_skeletons;

DROP TABLE document_skeletons;
`;

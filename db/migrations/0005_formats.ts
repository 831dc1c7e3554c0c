/**
 * Documents in other formats than plain text: the format's skeleton (whatever is not a unit's text, so export
 * rebuilds the file), the encoding and line endings the file came in, and per sentence the format's key for
 * the unit, the state and notes the file gave it.
 */
export default /* sql */ `
ALTER TABLE documents ADD COLUMN skeleton TEXT CHECK (skeleton IS NULL OR json_valid(skeleton));
ALTER TABLE documents ADD COLUMN encoding TEXT NOT NULL DEFAULT 'utf-8';

ALTER TABLE segments ADD COLUMN unit_key TEXT;
ALTER TABLE segments ADD COLUMN file_state TEXT;
ALTER TABLE segments ADD COLUMN file_notes TEXT CHECK (file_notes IS NULL OR json_valid(file_notes));
`;

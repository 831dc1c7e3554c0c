/**
 * Fixes applied in bulk and what the editor taught Redline: batches group the revisions one action wrote
 * (an edit, fix all, apply to all, replace all, and their undo), so they are shown and undone as one step; the fix
 * memory and the glossary outlive documents; ignored flags are remembered per sentence and check.
 */
export default /* sql */ `
CREATE TABLE batches (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  kind         TEXT    NOT NULL
               CHECK (kind IN ('edit', 'revert', 'status', 'restore', 'fix', 'propagated', 'replace', 'undo', 'redo')),
  label        TEXT    NOT NULL,
  -- for an undo, the batch it undid; for a redo, the batch it applied again
  undoes       INTEGER REFERENCES batches (id),
  created_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX batches_by_document ON batches (document_id, id);

-- Set when a revision is written as part of a batch; revisions stay append-only.
ALTER TABLE revisions ADD COLUMN batch_id INTEGER REFERENCES batches (id);

CREATE INDEX revisions_by_batch ON revisions (batch_id) WHERE batch_id IS NOT NULL;

CREATE TABLE fix_rules (
  id              INTEGER PRIMARY KEY,
  find            TEXT    NOT NULL CHECK (length(find) > 0),
  replace         TEXT    NOT NULL,
  whole_word      INTEGER NOT NULL DEFAULT 1 CHECK (whole_word IN (0, 1)),
  case_sensitive  INTEGER NOT NULL DEFAULT 1 CHECK (case_sensitive IN (0, 1)),
  enabled         INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  uses            INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  UNIQUE (find, whole_word, case_sensitive)
) STRICT;

CREATE TABLE glossary_terms (
  id          INTEGER PRIMARY KEY,
  preferred   TEXT    NOT NULL UNIQUE CHECK (length(preferred) > 0),
  -- a JSON array of the variants to replace by the preferred term
  forbidden   TEXT    NOT NULL CHECK (json_valid(forbidden) AND json_type(forbidden) = 'array'),
  note        TEXT    NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE ignored_flags (
  segment_id  INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
  check_id    TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (segment_id, check_id)
) STRICT;
`;

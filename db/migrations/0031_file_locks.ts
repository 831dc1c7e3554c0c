/**
 * Why a sentence is locked: `locked` says Redline keeps its text (the file locks it, or it is too long to edit,
 * services/documentImport.ts); `file_locked` says the file itself locks it, so an export leaves its status out
 * (a too-long unit's status is written). Set at import and never changed, like `locked`. Stores before this
 * release locked a unit only for the file, except those whose import noted them too long to edit — unless the
 * note Redline gives a Trados or memoQ segment says the file locks it too.
 */
export default /* sql */ `
ALTER TABLE segments ADD COLUMN file_locked INTEGER NOT NULL DEFAULT 0 CHECK (file_locked IN (0, 1));
UPDATE segments SET file_locked = 1
WHERE locked = 1 AND (
  file_notes IS NULL OR file_notes NOT LIKE '%"Too long to edit here: %'
  OR file_notes GLOB '*"Trados: *locked"*' OR file_notes GLOB '*"memoQ: *locked"*'
);

CREATE TRIGGER segments_file_lock_is_fixed BEFORE UPDATE OF file_locked ON segments
WHEN NEW.file_locked IS NOT OLD.file_locked
BEGIN
  SELECT RAISE(ABORT, 'segments.file_locked is set at import and never changes');
END;
`;

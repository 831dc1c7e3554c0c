/**
 * Segments the file locks (Trados' `locked="true"`, usually a 100 % TM match the client signed off): set at
 * import and never changed after, and a locked segment's text never changes — the services refuse such a write
 * with a message first; the trigger makes sure no other path slips one through.
 */
export default /* sql */ `
ALTER TABLE segments ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1));

CREATE TRIGGER segments_locked_text_is_fixed BEFORE UPDATE OF current_text ON segments
WHEN OLD.locked = 1 AND NEW.current_text IS NOT OLD.current_text
BEGIN
  SELECT RAISE(ABORT, 'a locked segment''s text never changes');
END;

CREATE TRIGGER segments_lock_is_fixed BEFORE UPDATE OF locked ON segments
WHEN NEW.locked IS NOT OLD.locked
BEGIN
  SELECT RAISE(ABORT, 'segments.locked is set at import and never changes');
END;
`;

/** Editing effort travels with each revision: the time actually spent and the keystrokes made to write it. */
export default /* sql */ `
ALTER TABLE revisions ADD COLUMN edit_ms INTEGER NOT NULL DEFAULT 0 CHECK (edit_ms >= 0);
ALTER TABLE revisions ADD COLUMN keystrokes INTEGER NOT NULL DEFAULT 0 CHECK (keystrokes >= 0);
`;

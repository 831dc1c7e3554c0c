/**
 * Whether a document's export can carry the editor's notes: an XLIFF, PO or TMX imported from now on keeps, in
 * its skeleton, where each unit's note goes; one imported before (its skeleton has no such places) is written
 * without them, and the export must say so. Every document stored so far is marked so; a new one is not.
 */
export default /* sql */ `
ALTER TABLE documents ADD COLUMN notes_placed INTEGER NOT NULL DEFAULT 1 CHECK (notes_placed IN (0, 1));
UPDATE documents SET notes_placed = 0;
`;

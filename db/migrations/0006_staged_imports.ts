/**
 * A large file is stored a few thousand sentences at a time, so the app stays responsive, shows progress and
 * can cancel. Until its last sentence is in, the document is marked `importing`: hidden from every list and
 * search, and removed if the import is cancelled, fails or is cut short (the next start sweeps those).
 */
export default /* sql */ `
ALTER TABLE documents ADD COLUMN importing INTEGER NOT NULL DEFAULT 0 CHECK (importing IN (0, 1));
`;

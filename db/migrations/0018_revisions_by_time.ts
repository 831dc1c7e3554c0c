/**
 * The editor's revisions — every origin but the import — in the order of the time they were written: "what changed
 * since the last export" (or since a moment) finds the sentences revised after a time through this index — the
 * few revisions since — instead of looking up, for every sentence of the document, its text at that time (100,000
 * look-ups, about a second at 100k sentences, on every save while the Changes panel showed the list). An import
 * revision is a sentence's first, so it never makes a change since a moment; imports write nothing to the index.
 */
export default /* sql */ `
CREATE INDEX revisions_worked_by_time ON revisions (created_at) WHERE origin <> 'import';
`;

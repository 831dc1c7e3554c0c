/**
 * The grid's "Empty" filter: the units still without a text (the empty targets of a partly translated file,
 * or a sentence the editor emptied), in position order. The index holds only those, so a document translated
 * through holds nothing in it, and an import of MT writes nothing to it.
 */
export default /* sql */ `
CREATE INDEX segments_empty ON segments (document_id, position) WHERE current_text = '';
`;

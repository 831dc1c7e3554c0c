import { carriesNotes, isBilingual } from '../../../core/formats/registry';

/** What an export of the document writes: the document in its own format, the CSV table or the TMX memory. */
export type ExportAs = 'original' | 'csv' | 'tmx';

/**
 * What exporting the document in its own format (Ctrl+E) writes, as its notice names it (`what`) and as the toolbar
 * and File menu name the command (`command`): a bilingual file comes back as itself with the corrections in it, a
 * Word file as itself, anything else as clean text.
 */
export function originalExport(format: string): { what: string; command: string } {
  if (isBilingual(format)) return { what: 'the reviewed file', command: 'Export reviewed file…' };
  if (format === 'docx') return { what: 'the reviewed Word document', command: 'Export Word document…' };
  return { what: 'the clean text', command: 'Export clean text…' };
}

/**
 * Whether an export has a place for the editor's notes: the CSV table and the TMX memory do, the document in its
 * own format when the format does (plain XLIFF, PO, TMX: core/formats/registry's carriesNotes) and the document
 * was imported knowing where they go (`notesPlaced`: not one imported before Redline recorded it).
 */
export const exportCarriesNotes = (document: { format: string; notesPlaced: boolean }, as: ExportAs = 'original'): boolean =>
  as !== 'original' || (carriesNotes(document.format) && document.notesPlaced);

/**
 * The notice once an export is written. `notesLeftOut` counts the notes an export without a place for them leaves
 * out (none for one that carries them), `statusesLeftOut` the sentences the file locks whose status the editor
 * changed (a locked segment goes back as it came): the notice says where they are rather than let them go unseen.
 */
export function exportNotice(what: string, path: string, notesLeftOut: number, statusesLeftOut = 0): string {
  let notice = `Exported ${what} to ${path}.`;
  if (notesLeftOut > 0) {
    const [notes, them] = notesLeftOut === 1 ? ['Its note is', 'it'] : [`Its ${notesLeftOut} notes are`, 'them'];
    notice += ` ${notes} not in it: the CSV table of Export as… and the review report carry ${them}.`;
  }
  if (statusesLeftOut > 0) {
    const [statuses, them] =
      statusesLeftOut === 1 ? ['The status you gave a locked sentence is', 'it'] : [`The statuses you gave ${statusesLeftOut} locked sentences are`, 'them'];
    notice += ` ${statuses} not in it (the file keeps locked segments as they came): the review report carries ${them}.`;
  }
  return notice;
}

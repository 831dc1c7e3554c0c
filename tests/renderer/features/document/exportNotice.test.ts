import { describe, expect, it } from 'vitest';
import { exportCarriesNotes, exportNotice, originalExport } from '../../../../renderer/features/document/exportNotice';

describe('exportCarriesNotes', () => {
  const doc = (format: string, notesPlaced = true) => ({ format, notesPlaced });

  it('is true for the CSV table, the TMX memory and a file whose format has a place for notes', () => {
    expect(exportCarriesNotes(doc('text'), 'csv')).toBe(true);
    expect(exportCarriesNotes(doc('docx'), 'tmx')).toBe(true);
    expect(['xliff', 'po', 'tmx'].map((format) => exportCarriesNotes(doc(format)))).toEqual([true, true, true]);
  });

  it('is false for a file in a format without one: text, Markdown, Word, tables, Trados’ and memoQ’s files', () => {
    expect(['text', 'markdown', 'docx', 'csv', 'sdlxliff', 'mqxliff'].map((format) => exportCarriesNotes(doc(format), 'original'))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('is false for an XLIFF, PO or TMX imported before the places of notes were recorded; its tables still carry them', () => {
    expect(['xliff', 'po', 'tmx'].map((format) => exportCarriesNotes(doc(format, false)))).toEqual([false, false, false]);
    expect(exportCarriesNotes(doc('xliff', false), 'csv')).toBe(true);
  });
});

describe('exportNotice', () => {
  it('says where the file went, and nothing of notes it carries or there are none of', () => {
    expect(exportNotice('the reviewed file', '/tmp/a.edited.xlf', 0)).toBe('Exported the reviewed file to /tmp/a.edited.xlf.');
  });

  it('says how many notes an export leaves out, and where they are', () => {
    expect(exportNotice('the clean text', '/tmp/a.txt', 1)).toBe(
      'Exported the clean text to /tmp/a.txt. Its note is not in it: the CSV table of Export as… and the review report carry it.',
    );
    expect(exportNotice('the reviewed file', '/tmp/a.sdlxliff', 3)).toBe(
      'Exported the reviewed file to /tmp/a.sdlxliff. Its 3 notes are not in it: the CSV table of Export as… and the review report carry them.',
    );
  });

  it('says how many statuses given to locked sentences the file leaves out, and where they are', () => {
    expect(exportNotice('the reviewed file', '/tmp/a.sdlxliff', 0, 1)).toBe(
      'Exported the reviewed file to /tmp/a.sdlxliff. The status you gave a locked sentence is not in it (the file keeps locked segments as they came): the review report carries it.',
    );
    expect(exportNotice('the reviewed file', '/tmp/a.mqxliff', 2, 3)).toBe(
      'Exported the reviewed file to /tmp/a.mqxliff. Its 2 notes are not in it: the CSV table of Export as… and the review report carry them. The statuses you gave 3 locked sentences are not in it (the file keeps locked segments as they came): the review report carries them.',
    );
  });
});

describe('originalExport', () => {
  it('names what Ctrl+E writes by the document\'s format: the reviewed file, the reviewed Word document, or clean text', () => {
    expect(['xliff', 'sdlxliff', 'po', 'tmx'].map((format) => originalExport(format).command)).toEqual(Array(4).fill('Export reviewed file…'));
    expect(originalExport('sdlxliff').what).toBe('the reviewed file');
    expect(originalExport('docx')).toEqual({ what: 'the reviewed Word document', command: 'Export Word document…' });
    expect(['text', 'markdown'].map((format) => originalExport(format))).toEqual(Array(2).fill({ what: 'the clean text', command: 'Export clean text…' }));
  });
});

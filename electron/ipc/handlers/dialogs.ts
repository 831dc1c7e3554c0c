/** What a file dialog offers: text documents to review, CSV tables (fix memory, glossary), HTML reports. */
export type FileKind = 'text' | 'csv' | 'html';

/** The native dialogs handlers need; Electron's in the app, scripted ones in tests. */
export interface Dialogs {
  /** The path of a file the editor picked, or null when cancelled. */
  pickFileToOpen(kind?: FileKind): Promise<string | null>;
  /** Where to save an export, suggesting `defaultName`, or null when cancelled. */
  pickExportPath(defaultName: string, kind?: FileKind): Promise<string | null>;
  /** A folder the editor chose to write several files into (what a damaged store still holds), or null. */
  pickFolder(title: string): Promise<string | null>;
}

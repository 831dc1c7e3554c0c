/** What a file dialog offers: text documents to review, or CSV tables (fix memory, glossary). */
export type FileKind = 'text' | 'csv';

/** The native dialogs handlers need; Electron's in the app, scripted ones in tests. */
export interface Dialogs {
  /** The path of a file the editor picked, or null when cancelled. */
  pickFileToOpen(kind?: FileKind): Promise<string | null>;
  /** Where to save an export, suggesting `defaultName`, or null when cancelled. */
  pickExportPath(defaultName: string, kind?: FileKind): Promise<string | null>;
}

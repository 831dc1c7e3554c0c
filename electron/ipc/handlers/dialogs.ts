/** The native dialogs handlers need; Electron's in the app, scripted ones in tests. */
export interface Dialogs {
  /** The path of a text file the editor picked, or null when cancelled. */
  pickFileToOpen(): Promise<string | null>;
  /** Where to save an export, suggesting `defaultName`, or null when cancelled. */
  pickExportPath(defaultName: string): Promise<string | null>;
}

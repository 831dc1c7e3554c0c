import { dialog, type BrowserWindow } from 'electron';
import { FORMATS } from '../core/formats/registry';
import type { Dialogs, FileKind } from './ipc/handlers';

const FILTERS: Record<FileKind, Electron.FileFilter[]> = {
  text: [
    // Every extension the format registry knows (docx and sdlxliff included).
    { name: 'Documents', extensions: FORMATS.flatMap((f) => [...f.extensions]) },
    { name: 'All files', extensions: ['*'] },
  ],
  csv: [
    { name: 'CSV', extensions: ['csv', 'tsv', 'txt'] },
    { name: 'All files', extensions: ['*'] },
  ],
  html: [{ name: 'HTML report', extensions: ['html'] }],
};

/** Electron's native file dialogs, attached to the main window. */
export function nativeDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async pickFileToOpen(kind = 'text') {
      const owner = window();
      const options: Electron.OpenDialogOptions = {
        title: kind === 'csv' ? 'Import a CSV table' : 'Open a machine translation',
        properties: ['openFile'],
        filters: FILTERS[kind],
      };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickExportPath(defaultName, kind = 'text') {
      const owner = window();
      const options: Electron.SaveDialogOptions = {
        title: kind === 'csv' ? 'Export as CSV' : kind === 'html' ? 'Export the review report' : 'Export the document',
        defaultPath: defaultName,
        filters: FILTERS[kind].slice(0, 1),
        // GTK's save dialog replaces an existing file without asking unless told to ask.
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async pickFolder(title) {
      const owner = window();
      const options: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

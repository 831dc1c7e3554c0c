import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from './ipc/handlers';

/** Electron's native file dialogs, attached to the main window. */
export function nativeDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async pickFileToOpen() {
      const owner = window();
      const options: Electron.OpenDialogOptions = {
        title: 'Open a machine translation',
        properties: ['openFile'],
        filters: [
          { name: 'Text', extensions: ['txt', 'md', 'text'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickExportPath(defaultName) {
      const owner = window();
      const options: Electron.SaveDialogOptions = {
        title: 'Export clean text',
        defaultPath: defaultName,
        filters: [{ name: 'Text', extensions: ['txt', 'md'] }],
      };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

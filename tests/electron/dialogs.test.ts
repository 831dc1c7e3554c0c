import { beforeEach, describe, expect, it, vi } from 'vitest';

const showSaveDialog = vi.fn();
vi.mock('electron', () => ({ dialog: { showSaveDialog: (...args: unknown[]) => showSaveDialog(...args) } }));

const { nativeDialogs } = await import('../../electron/dialogs');

describe('nativeDialogs.pickExportPath', () => {
  beforeEach(() => {
    showSaveDialog.mockReset();
    showSaveDialog.mockResolvedValue({ canceled: false, filePath: '/home/ed/out.txt' });
  });

  it.each(['text', 'csv', 'html'] as const)('asks before replacing an existing file (%s)', async (kind) => {
    await nativeDialogs(() => null).pickExportPath('out.txt', kind);
    const options = showSaveDialog.mock.calls[0]!.at(-1) as Electron.SaveDialogOptions;
    // Linux's GTK dialog overwrites silently without this; macOS and Windows always ask.
    expect(options.properties).toContain('showOverwriteConfirmation');
    expect(options.defaultPath).toBe('out.txt');
  });

  it('answers null when the editor cancels', async () => {
    showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await nativeDialogs(() => null).pickExportPath('out.txt')).toBeNull();
  });
});

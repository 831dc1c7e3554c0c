import type { MenuItemConstructorOptions } from 'electron';

/** A key press the renderer's document screen answers (see renderer/features/document/shortcuts.ts). */
export interface KeyPress {
  keyCode: string;
  modifiers: Array<'control' | 'shift' | 'alt'>;
}

/** A document command in the menu: its label, the accelerator shown, and the key press that runs it. */
export interface MenuCommand {
  label: string;
  accelerator: string;
  key: KeyPress;
}

const press = (keyCode: string, ...modifiers: KeyPress['modifiers']): KeyPress => ({ keyCode, modifiers });
const command = (label: string, accelerator: string, key: KeyPress): MenuCommand => ({ label, accelerator, key });

/**
 * Every document command, by menu. The accelerators are shown but not registered: the key itself still
 * reaches the page (which knows whether a text field has focus, e.g. Ctrl+Z is the field's own undo there),
 * and a click on the item sends the page that same key.
 */
export const MENU_COMMANDS: Record<'File' | 'Edit' | 'View' | 'Review' | 'Help', MenuCommand[]> = {
  File: [
    command('Back to the Library', 'CmdOrCtrl+Shift+L', press('L', 'control', 'shift')),
    command('Export Clean Text…', 'CmdOrCtrl+E', press('E', 'control')),
    command('Export As…', 'CmdOrCtrl+Shift+E', press('E', 'control', 'shift')),
    command('Review Report…', 'CmdOrCtrl+Alt+P', press('P', 'control', 'alt')),
  ],
  Edit: [
    command('Undo Document Step', 'CmdOrCtrl+Shift+Z', press('Z', 'control', 'shift')),
    command('Redo Document Step', 'CmdOrCtrl+Shift+Y', press('Y', 'control', 'shift')),
    command('Find and Replace…', 'CmdOrCtrl+H', press('H', 'control')),
    command('Find…', 'CmdOrCtrl+F', press('F', 'control')),
    command('Find Next', 'F3', press('F3')),
    command('Find Previous', 'Shift+F3', press('F3', 'shift')),
    command('Search All Documents', 'CmdOrCtrl+Shift+F', press('F', 'control', 'shift')),
    command('Revert Sentence to MT', 'CmdOrCtrl+Alt+R', press('R', 'control', 'alt')),
    command('Copy MT into Correction', 'CmdOrCtrl+Alt+C', press('C', 'control', 'alt')),
  ],
  View: [command('History of the Sentence', 'CmdOrCtrl+Alt+H', press('H', 'control', 'alt'))],
  Review: [
    command('Confirm and Next', 'CmdOrCtrl+Enter', press('Enter', 'control')),
    command('Approve and Next', 'CmdOrCtrl+Shift+Enter', press('Enter', 'control', 'shift')),
    command('Reject…', 'CmdOrCtrl+Alt+J', press('J', 'control', 'alt')),
    command('Set Status: Edited', 'CmdOrCtrl+Alt+E', press('E', 'control', 'alt')),
    command('Set Status: Not Started', 'CmdOrCtrl+Alt+0', press('0', 'control', 'alt')),
    command('Next Unconfirmed', 'CmdOrCtrl+Alt+Down', press('Down', 'control', 'alt')),
    command('Next Sentence', 'Alt+Down', press('Down', 'alt')),
    command('Previous Sentence', 'Alt+Up', press('Up', 'alt')),
    command('Next Flagged', 'F8', press('F8')),
    command('Previous Flagged', 'Shift+F8', press('F8', 'shift')),
    command('Note on the Sentence', 'CmdOrCtrl+Alt+N', press('N', 'control', 'alt')),
    command('Tag Selection with an MQM Error', 'CmdOrCtrl+Alt+A', press('A', 'control', 'alt')),
    command('Apply the Offered Fix', 'Alt+Enter', press('Enter', 'alt')),
    command('Review the Offered Fix…', 'Alt+Shift+Enter', press('Enter', 'alt', 'shift')),
    command('Dismiss the Offered Fix', 'Esc', press('Escape')),
  ],
  Help: [
    command('Keyboard Shortcuts', 'F1', press('F1')),
    command('Command Palette', 'CmdOrCtrl+Shift+P', press('P', 'control', 'shift')),
  ],
};

/**
 * The application menu: File, Edit, View, Review and Help carry every document command with its accelerator
 * (`send` presses its key in the page), the clipboard and window items; no undo/redo roles, so Ctrl+Z in a
 * field stays the field's and Ctrl+Shift+Z the document's; reload/DevTools only in development.
 */
export function applicationMenu(platform: string, development: boolean, send: (key: KeyPress) => void = () => {}): MenuItemConstructorOptions[] {
  const items = (commands: MenuCommand[]): MenuItemConstructorOptions[] =>
    commands.map((c) => ({ label: c.label, accelerator: c.accelerator, registerAccelerator: false, click: () => send(c.key) }));
  const menu: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') menu.push({ role: 'appMenu' });
  menu.push({ label: 'File', submenu: [...items(MENU_COMMANDS.File), { type: 'separator' }, platform === 'darwin' ? { role: 'close' } : { role: 'quit' }] });
  menu.push({
    label: 'Edit',
    submenu: [
      ...items(MENU_COMMANDS.Edit),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    ...items(MENU_COMMANDS.View),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (development) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  menu.push({ label: 'View', submenu: view }, { label: 'Review', submenu: items(MENU_COMMANDS.Review) }, { role: 'windowMenu' });
  menu.push({ role: 'help', label: 'Help', submenu: items(MENU_COMMANDS.Help) });
  return menu;
}

import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu: the usual clipboard and window items, but no undo/redo roles, so Ctrl+Z and Ctrl+Y
 * reach the document (which undoes whole steps from the store), and reload/DevTools only in development.
 */
export function applicationMenu(platform: string, development: boolean): MenuItemConstructorOptions[] {
  const menu: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') menu.push({ role: 'appMenu' });
  menu.push({
    label: 'Edit',
    submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { type: 'separator' }, { role: 'selectAll' }],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (development) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  menu.push({ label: 'View', submenu: view }, { role: 'windowMenu' });
  return menu;
}

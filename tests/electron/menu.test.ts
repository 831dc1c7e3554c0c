import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenu } from '../../electron/menu';

const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [String(item.role)] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe('application menu', () => {
  it('leaves undo and redo to the document and keeps the clipboard', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const all = roles(applicationMenu(platform, false));
      expect(all).not.toContain('undo');
      expect(all).not.toContain('redo');
      expect(all).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll']));
    }
  });

  it('offers reload and DevTools only in development', () => {
    expect(roles(applicationMenu('linux', false))).not.toContain('toggleDevTools');
    expect(roles(applicationMenu('linux', false))).not.toContain('reload');
    expect(roles(applicationMenu('linux', true))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenu, MENU_COMMANDS, type KeyPress } from '../../electron/menu';
import { SHORTCUTS, shortcutFor } from '../../renderer/features/document/shortcuts';

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

describe('document commands in the menu', () => {
  it('has File, Edit, View, Review and Help, each command with an accelerator', () => {
    const menu = applicationMenu('linux', false);
    expect(menu.map((item) => item.label).filter(Boolean)).toEqual(['File', 'Edit', 'View', 'Review', 'Help']);
    for (const commands of Object.values(MENU_COMMANDS)) {
      for (const c of commands) expect(c.accelerator).toMatch(/\S/);
    }
  });

  it('presses a key the document screen answers with the command of the same name', () => {
    for (const [menuName, commands] of Object.entries(MENU_COMMANDS)) {
      for (const c of commands) {
        const event = new KeyboardEventLike(c.key);
        const id = shortcutFor(event as unknown as KeyboardEvent);
        expect(id, `${menuName} › ${c.label}`).not.toBeNull();
      }
    }
    // Every shortcut of the screen is in a menu, so nothing is reachable only by a hidden key.
    const inMenus = new Set(
      Object.values(MENU_COMMANDS)
        .flat()
        .map((c) => shortcutFor(new KeyboardEventLike(c.key) as unknown as KeyboardEvent)),
    );
    expect(SHORTCUTS.map((s) => s.id).filter((id) => !inMenus.has(id))).toEqual([]);
  });

  it('clicking an item sends its key to the page', () => {
    const sent: unknown[] = [];
    const review = applicationMenu('linux', false, (key) => sent.push(key)).find((item) => item.label === 'Review')!;
    const confirm = (review.submenu as MenuItemConstructorOptions[]).find((item) => item.label === 'Confirm and Next')!;
    (confirm.click as () => void)();
    expect(sent).toEqual([{ keyCode: 'Enter', modifiers: ['control'] }]);
    expect(confirm.registerAccelerator).toBe(false);
  });
});

/** What the renderer's shortcut matcher reads of a key event, built from the key the menu sends. */
class KeyboardEventLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey = false;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
  readonly target = null;
  constructor({ keyCode, modifiers }: KeyPress) {
    const names: Record<string, string> = { Down: 'ArrowDown', Up: 'ArrowUp' };
    this.key = names[keyCode] ?? (keyCode.length === 1 ? keyCode.toLowerCase() : keyCode);
    this.ctrlKey = modifiers.includes('control');
    this.shiftKey = modifiers.includes('shift');
    this.altKey = modifiers.includes('alt');
  }
}

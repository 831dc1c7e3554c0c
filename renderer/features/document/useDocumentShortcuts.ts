import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutId } from './shortcuts';

export type ShortcutHandlers = Partial<Record<ShortcutId, () => void>>;

/**
 * The document screen's keys: each shortcut runs its handler; nothing runs while a dialog is open (a dialog
 * handles its own keys). The handlers are read at key time, so the listener is attached once.
 */
export function useDocumentShortcuts(handlers: ShortcutHandlers, enabled: boolean): void {
  const latest = useRef({ handlers, enabled });
  useEffect(() => {
    latest.current = { handlers, enabled };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!latest.current.enabled) return;
      const shortcut = shortcutFor(event);
      const handler = shortcut && latest.current.handlers[shortcut];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

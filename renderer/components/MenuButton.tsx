import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface MenuEntry {
  label: string;
  keys?: string;
  run: () => void;
  disabled?: boolean;
  /** Why a disabled entry cannot run now, in the editor's words ("nothing to undo now"). */
  whyDisabled?: string;
  /** A checkable entry (a view setting). */
  checked?: boolean;
  /** Starts a new group. */
  group?: string;
}

/**
 * A button that opens a menu below it: arrow keys move, Enter runs, Escape closes and returns focus. The menu
 * floats over the screen, so opening it moves nothing.
 */
export function MenuButton({ label, title, entries, children }: { label: string; title?: string; entries: MenuEntry[]; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role^="menuitem"]:not(:disabled)')?.focus();
    const away = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <span className="menu-anchor">
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} aria-label={label} title={title} onClick={() => setOpen(!open)}>
        {children}
      </button>
      {open && (
        <div
          ref={menu}
          className="dropdown-menu"
          role="menu"
          aria-label={label}
          onKeyDown={(event) => {
            const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not(:disabled)') ?? [])];
            const index = items.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'Escape') close();
            else if (event.key === 'ArrowDown') items[(index + 1) % items.length]?.focus();
            else if (event.key === 'ArrowUp') items[(index - 1 + items.length) % items.length]?.focus();
            else return;
            event.preventDefault();
            event.stopPropagation();
          }}
        >
          {entries.map((entry, i) => (
            <div key={`${entry.label}-${i}`} role="none">
              {entry.group && <div className="menu-group" role="presentation">{entry.group}</div>}
              <button
                type="button"
                role={entry.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                aria-checked={entry.checked}
                tabIndex={-1}
                disabled={entry.disabled}
                onClick={() => {
                  setOpen(false);
                  entry.run();
                }}
              >
                <span className="menu-check" aria-hidden="true">{entry.checked ? '✓' : ''}</span>
                <span className="menu-label">{entry.label}</span>
                {entry.keys && <kbd>{entry.keys}</kbd>}
              </button>
            </div>
          ))}
        </div>
      )}
    </span>
  );
}

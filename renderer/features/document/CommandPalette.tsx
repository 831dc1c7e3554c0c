import { useMemo, useState } from 'react';
import { Modal } from '../../components/Modal';
import type { MenuEntry } from '../../components/MenuButton';

/** Finds any command of the screen by name (Ctrl+Shift+P): type a few letters, ↑/↓, Enter. */
export function CommandPalette({ commands, onClose }: { commands: MenuEntry[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const found = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return commands.filter((c) => !c.disabled && words.every((w) => `${c.group ?? ''} ${c.label}`.toLowerCase().includes(w)));
  }, [commands, query]);
  const run = (command: MenuEntry | undefined) => {
    if (!command) return;
    onClose();
    command.run();
  };
  return (
    <Modal title="Commands" onClose={onClose} footer={<span className="muted">↑ ↓ to choose, Enter to run</span>}>
      <input
        autoFocus
        className="search-input"
        aria-label="Command"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={found[index] ? `palette-${index}` : undefined}
        value={query}
        placeholder="Type a command…"
        onChange={(event) => {
          setQuery(event.target.value);
          setIndex(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setIndex(Math.min(index + 1, found.length - 1));
          else if (event.key === 'ArrowUp') setIndex(Math.max(index - 1, 0));
          else if (event.key === 'Enter') run(found[index]);
          else return;
          event.preventDefault();
        }}
      />
      <ul className="palette-list" id="palette-list" role="listbox" aria-label="Commands">
        {found.map((command, i) => (
          <li
            key={`${command.label}-${i}`}
            id={`palette-${i}`}
            role="option"
            aria-selected={i === index}
            className={i === index ? 'palette-on' : undefined}
            onMouseDown={(event) => {
              event.preventDefault();
              run(command);
            }}
          >
            <span>{command.label}</span>
            {command.keys && <kbd>{command.keys}</kbd>}
          </li>
        ))}
      </ul>
    </Modal>
  );
}

import { useMemo, useState } from 'react';
import { Modal } from '../../components/Modal';
import type { MenuEntry } from '../../components/MenuButton';
import { noCommandLines, searchCommands } from './commandSearch';

/** Finds any command of the screen by name (Ctrl+Shift+P): type a few letters, ↑/↓, Enter. */
export function CommandPalette({ commands, onClose }: { commands: MenuEntry[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const { found, disabled } = useMemo(() => searchCommands(commands, query), [commands, query]);
  const [none, ...unavailable] = found.length === 0 ? noCommandLines(query, disabled) : [];
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
        aria-expanded={found.length > 0}
        aria-controls={found.length > 0 ? 'palette-list' : undefined}
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
      {found.length > 0 && (
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
      )}
      {/* Always there, so a screen reader hears it the moment the list empties. */}
      <div role="status" className="palette-none" data-testid="palette-none">
        {none && <p className="muted">{none}</p>}
        {unavailable.length > 0 && (
          <ul>
            {unavailable.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    </Modal>
  );
}

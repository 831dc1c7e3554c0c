import type { ReactNode } from 'react';

interface SidePanelProps {
  title: string;
  /** Names the panel for assistive technology and tests ("Flags" → data-testid "flags-panel"). */
  name: string;
  onClose: () => void;
  children: ReactNode;
}

/** A panel beside the grid, with its title and a close button. */
export function SidePanel({ title, name, onClose, children }: SidePanelProps) {
  return (
    <aside className={`side-panel ${name}-panel`} aria-label={title} data-testid={`${name}-panel`}>
      <header className="panel-header">
        <h2>{title}</h2>
        <button type="button" className="button-quiet" onClick={onClose} aria-label={`Close ${name}`}>
          ×
        </button>
      </header>
      {children}
    </aside>
  );
}

import type { ReactNode } from 'react';
import { backToSentence } from '../lib/focusReturn';

interface SidePanelProps {
  title: string;
  /** Names the panel for assistive technology and tests ("Flags" → data-testid "flags-panel"). */
  name: string;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A panel beside the grid, with its title and a close button. Escape anywhere in it (its search field too) sends
 * the keyboard back to the sentence, as the find bar and the dialogs do; the panel stays open.
 */
export function SidePanel({ title, name, onClose, children }: SidePanelProps) {
  return (
    <aside
      className={`side-panel ${name}-panel`}
      aria-label={title}
      data-testid={`${name}-panel`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
        event.preventDefault();
        event.stopPropagation(); // the panel's Escape, not the document's (which would also dismiss a fix offered)
        backToSentence();
      }}
    >
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

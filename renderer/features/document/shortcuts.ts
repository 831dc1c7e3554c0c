/** Every keyboard shortcut of the document screen: what the overlay lists and what the handler matches. */
export interface Shortcut {
  id: ShortcutId;
  keys: string;
  description: string;
  matches: (event: KeyboardEvent) => boolean;
}

export type ShortcutId =
  | 'confirm'
  | 'next'
  | 'previous'
  | 'nextFlagged'
  | 'previousFlagged'
  | 'revert'
  | 'copyMt'
  | 'undo'
  | 'redo'
  | 'search'
  | 'replace'
  | 'history'
  | 'note'
  | 'annotate'
  | 'help';

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const key = (e: KeyboardEvent, k: string) => e.key.toLowerCase() === k;

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'confirm', keys: 'Ctrl+Enter', description: 'Confirm the sentence and go to the next unconfirmed one', matches: (e) => mod(e) && e.key === 'Enter' && !e.altKey },
  { id: 'next', keys: 'Alt+↓', description: 'Next sentence', matches: (e) => e.altKey && e.key === 'ArrowDown' },
  { id: 'previous', keys: 'Alt+↑', description: 'Previous sentence', matches: (e) => e.altKey && e.key === 'ArrowUp' },
  { id: 'nextFlagged', keys: 'F8', description: 'Next flagged sentence', matches: (e) => e.key === 'F8' && !e.shiftKey },
  { id: 'previousFlagged', keys: 'Shift+F8', description: 'Previous flagged sentence', matches: (e) => e.key === 'F8' && e.shiftKey },
  { id: 'revert', keys: 'Ctrl+Alt+R', description: 'Revert the sentence to the MT', matches: (e) => mod(e) && e.altKey && key(e, 'r') },
  { id: 'copyMt', keys: 'Ctrl+Alt+C', description: 'Copy the MT into the correction', matches: (e) => mod(e) && e.altKey && key(e, 'c') },
  { id: 'undo', keys: 'Ctrl+Z', description: 'Undo the last change to the document', matches: (e) => mod(e) && !e.shiftKey && !e.altKey && key(e, 'z') },
  { id: 'redo', keys: 'Ctrl+Y / Ctrl+Shift+Z', description: 'Redo', matches: (e) => mod(e) && !e.altKey && (key(e, 'y') || (e.shiftKey && key(e, 'z'))) },
  { id: 'search', keys: 'Ctrl+F', description: 'Search the documents', matches: (e) => mod(e) && !e.altKey && !e.shiftKey && key(e, 'f') },
  { id: 'replace', keys: 'Ctrl+H', description: 'Find and replace in this document', matches: (e) => mod(e) && !e.altKey && key(e, 'h') },
  { id: 'history', keys: 'Ctrl+Alt+H', description: 'History of the sentence', matches: (e) => mod(e) && e.altKey && key(e, 'h') },
  { id: 'note', keys: 'Ctrl+Alt+N', description: 'Note on the sentence', matches: (e) => mod(e) && e.altKey && key(e, 'n') },
  { id: 'annotate', keys: 'Ctrl+Alt+A', description: 'Tag the selected words with an MQM error', matches: (e) => mod(e) && e.altKey && key(e, 'a') },
  {
    id: 'help',
    keys: 'F1 or ?',
    description: 'This list',
    // "?" is a character while typing: it opens the list only outside text fields.
    matches: (e) => e.key === 'F1' || (e.key === '?' && !(e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement)),
  },
];

export const shortcutFor = (event: KeyboardEvent): ShortcutId | null =>
  SHORTCUTS.find((s) => s.matches(event))?.id ?? null;

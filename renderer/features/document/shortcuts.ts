import { isLeftToDocument } from '../../lib/fieldUndo';
import { isLetterKey } from '../../lib/letterKey';

/** Every keyboard shortcut of the document screen: what F1, the menus and the palette list and what the handler matches. */
export interface Shortcut {
  id: ShortcutId;
  /** The keys alone, as a key badge, a menu and the palette show them. */
  keys: string;
  description: string;
  /** When the keys differ, or other keys do it too: said beside the description, not in the key badge. */
  keysNote?: string;
  matches: (event: KeyboardEvent) => boolean;
}

export type ShortcutId =
  | 'confirm'
  | 'approve'
  | 'reject'
  | 'setNotStarted'
  | 'setEdited'
  | 'nextUnconfirmed'
  | 'next'
  | 'previous'
  | 'nextFlagged'
  | 'previousFlagged'
  | 'revert'
  | 'copyMt'
  | 'undo'
  | 'redo'
  | 'search'
  | 'find'
  | 'findNext'
  | 'findPrevious'
  | 'replace'
  | 'history'
  | 'note'
  | 'annotate'
  | 'palette'
  | 'exportText'
  | 'exportAs'
  | 'report'
  | 'library'
  | 'help'
  | 'applyOffer'
  | 'reviewOffer'
  | 'dismissOffer';

const mod = (e: KeyboardEvent) => e.ctrlKey || e.metaKey;
const key = (e: KeyboardEvent, k: string) => (/^[a-z]$/.test(k) ? isLetterKey(e, k) : e.key.toLowerCase() === k);
/** In a text field, Ctrl+Z and Ctrl+Y are the field's own typing history. */
/** Not in another field (a note, the find bar, a dialog's box): in a correction, on a button, or nowhere. */
const outsideOtherFields = (e: KeyboardEvent) =>
  !(typeof HTMLElement !== 'undefined' && e.target instanceof HTMLElement && e.target.closest('input, select, textarea:not(.editor-input), [role="dialog"]'));
const inField = (e: KeyboardEvent) => e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLInputElement;

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'confirm', keys: 'Ctrl+Enter', description: 'Confirm the sentence and go to the next unconfirmed one', matches: (e) => mod(e) && e.key === 'Enter' && !e.altKey && !e.shiftKey },
  { id: 'approve', keys: 'Ctrl+Shift+Enter', description: 'Approve the sentence and go to the next unconfirmed one', matches: (e) => mod(e) && e.shiftKey && e.key === 'Enter' && !e.altKey },
  { id: 'reject', keys: 'Ctrl+Alt+J', description: 'Reject the sentence, with a reason', matches: (e) => mod(e) && e.altKey && key(e, 'j') },
  { id: 'setEdited', keys: 'Ctrl+Alt+E', description: 'Set the status back to edited', matches: (e) => mod(e) && e.altKey && key(e, 'e') },
  { id: 'setNotStarted', keys: 'Ctrl+Alt+0', description: 'Set the status back to not started', matches: (e) => mod(e) && e.altKey && e.key === '0' },
  { id: 'nextUnconfirmed', keys: 'Ctrl+Alt+↓', description: 'Next unconfirmed sentence', matches: (e) => mod(e) && e.altKey && e.key === 'ArrowDown' },
  { id: 'next', keys: 'Alt+↓', description: 'Next sentence', matches: (e) => e.altKey && !mod(e) && e.key === 'ArrowDown' },
  { id: 'previous', keys: 'Alt+↑', description: 'Previous sentence', matches: (e) => e.altKey && !mod(e) && e.key === 'ArrowUp' },
  { id: 'nextFlagged', keys: 'F8', description: 'Next flagged sentence', matches: (e) => e.key === 'F8' && !e.shiftKey },
  { id: 'previousFlagged', keys: 'Shift+F8', description: 'Previous flagged sentence', matches: (e) => e.key === 'F8' && e.shiftKey },
  { id: 'applyOffer', keys: 'Alt+Enter', description: 'Apply the offered fix to the other sentences', matches: (e) => e.altKey && !mod(e) && !e.shiftKey && e.key === 'Enter' },
  { id: 'reviewOffer', keys: 'Alt+Shift+Enter', description: 'Review the offered fix, sentence by sentence', matches: (e) => e.altKey && !mod(e) && e.shiftKey && e.key === 'Enter' },
  {
    id: 'dismissOffer',
    keys: 'Esc',
    description: 'Dismiss the offered fix',
    matches: (e) => e.key === 'Escape' && !mod(e) && !e.altKey && !e.shiftKey && outsideOtherFields(e),
  },
  { id: 'revert', keys: 'Ctrl+Alt+R', description: 'Revert the sentence to the MT', matches: (e) => mod(e) && e.altKey && key(e, 'r') },
  { id: 'copyMt', keys: 'Ctrl+Alt+C', description: 'Copy the MT into the correction', matches: (e) => mod(e) && e.altKey && key(e, 'c') },
  {
    id: 'undo',
    keys: 'Ctrl+Shift+Z',
    description: 'Undo the last change to the document (in a field, Ctrl+Z undoes its typing first)',
    keysNote: 'Ctrl+Z too, outside a field or in one with no typing of its own to undo',
    matches: (e) => mod(e) && !e.altKey && key(e, 'z') && (e.shiftKey || !inField(e) || isLeftToDocument(e)),
  },
  {
    id: 'redo',
    keys: 'Ctrl+Shift+Y',
    description: 'Redo the last undone change to the document',
    keysNote: 'Ctrl+Y too, outside a field or in one with no typing of its own to redo',
    matches: (e) => mod(e) && !e.altKey && key(e, 'y') && (e.shiftKey || !inField(e) || isLeftToDocument(e)),
  },
  { id: 'find', keys: 'Ctrl+F', description: 'Find in this document (highlighted in the rows)', matches: (e) => mod(e) && !e.altKey && !e.shiftKey && key(e, 'f') },
  { id: 'findNext', keys: 'F3', description: 'Next match', keysNote: 'Enter in the find bar', matches: (e) => e.key === 'F3' && !e.shiftKey },
  { id: 'findPrevious', keys: 'Shift+F3', description: 'Previous match', keysNote: 'Shift+Enter in the find bar', matches: (e) => e.key === 'F3' && e.shiftKey },
  { id: 'search', keys: 'Ctrl+Shift+F', description: 'Search all documents', matches: (e) => mod(e) && !e.altKey && e.shiftKey && key(e, 'f') },
  { id: 'replace', keys: 'Ctrl+H', description: 'Find and replace in this document', matches: (e) => mod(e) && !e.altKey && key(e, 'h') },
  { id: 'history', keys: 'Ctrl+Alt+H', description: 'History of the sentence', matches: (e) => mod(e) && e.altKey && key(e, 'h') },
  { id: 'note', keys: 'Ctrl+Alt+N', description: 'Note on the sentence', matches: (e) => mod(e) && e.altKey && key(e, 'n') },
  { id: 'annotate', keys: 'Ctrl+Alt+A', description: 'Tag the selected words with an MQM error', matches: (e) => mod(e) && e.altKey && key(e, 'a') },
  { id: 'exportText', keys: 'Ctrl+E', description: 'Export the clean text', matches: (e) => mod(e) && !e.shiftKey && !e.altKey && key(e, 'e') },
  { id: 'exportAs', keys: 'Ctrl+Shift+E', description: 'Export as… (another form or encoding)', matches: (e) => mod(e) && e.shiftKey && !e.altKey && key(e, 'e') },
  { id: 'report', keys: 'Ctrl+Alt+P', description: 'Export the review report', matches: (e) => mod(e) && e.altKey && key(e, 'p') },
  { id: 'library', keys: 'Ctrl+Shift+L', description: 'Back to the library', matches: (e) => mod(e) && e.shiftKey && !e.altKey && key(e, 'l') },
  { id: 'palette', keys: 'Ctrl+Shift+P', description: 'Find any command by name', matches: (e) => mod(e) && e.shiftKey && !e.altKey && key(e, 'p') },
  {
    id: 'help',
    keys: 'F1 or ?',
    description: 'This list',
    // "?" is a character while typing: it opens the list only outside text fields.
    matches: (e) => e.key === 'F1' || (e.key === '?' && !inField(e)),
  },
];

export const shortcutFor = (event: KeyboardEvent): ShortcutId | null =>
  SHORTCUTS.find((s) => s.matches(event))?.id ?? null;

export const keysOf = (id: ShortcutId): string | undefined => SHORTCUTS.find((s) => s.id === id)?.keys;

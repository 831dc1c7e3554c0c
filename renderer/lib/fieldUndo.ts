/**
 * Ctrl+Z and Ctrl+Y in a correction undo and redo its typing (typingHistory.ts). When the field has nothing typed
 * to take back — nothing typed in it yet, or its text changed by a document undo since — the key is the
 * document's: a second Ctrl+Z after a document undo goes on undoing the document instead of doing nothing.
 * The field marks such a key event here; the document's shortcuts (shortcuts.ts) take a marked one as theirs.
 */
const leftToDocument = new WeakSet<Event>();

/** The field had nothing to undo or redo: the document's undo or redo is to act on this key. */
export function leaveToDocument(event: Event): void {
  leftToDocument.add(event);
}

export const isLeftToDocument = (event: Event): boolean => leftToDocument.has(event);

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

interface ConfirmDeleteProps {
  /** What the row holds, named in the question: Delete “Almaty”? */
  name: string;
  /** Deletes the row's entry; settles once the store has answered. */
  onDelete: () => Promise<unknown>;
}

/**
 * A table row's Delete, asked again in the row: "Delete “Almaty”? [Delete] [Cancel]". A glossary term or a rule of
 * the fix memory has no way back once deleted, and the button sits beside Save. The question takes the keyboard
 * to Cancel (a held Enter or a double click never deletes), Escape or Cancel puts it back on Delete, and after the
 * deletion it goes to the next row's Delete (or its first field, as the glossary's new-term row), else the previous
 * row's, else the screen's first button (the list emptied), never to the page.
 */
export function ConfirmDelete({ name, onDelete }: ConfirmDeleteProps) {
  const [asking, setAsking] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const ask = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // Where the keyboard goes when the question closes: Delete again after a cancel, nowhere before it was asked.
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (returnFocus.current) ask.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  const close = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation(); // the question's Escape, not the screen's
    close();
  };
  const confirm = (button: HTMLElement) => {
    const row = button.closest('tr');
    const neighbour = row?.nextElementSibling ?? row?.previousElementSibling ?? null;
    // The last entry gone, the table may go too (an empty list says so instead): the screen's first button then.
    const screen = button.closest('main, section, [role="dialog"]');
    setDeleting(true);
    void onDelete().then(
      () => {
        // The row goes with the next read of the table; its neighbour stays and takes the keyboard. Should the read
        // fail and the row stay, its question is closed.
        setDeleting(false);
        setAsking(false);
        const next =
          neighbour?.querySelector<HTMLElement>('[data-row-delete]') ??
          neighbour?.querySelector<HTMLElement>('input, button') ??
          screen?.querySelector<HTMLElement>('button:not([disabled])');
        next?.focus();
      },
      () => {
        setDeleting(false);
        close();
      },
    );
  };

  if (!asking) {
    return (
      <button type="button" className="button-quiet" data-row-delete ref={ask} onClick={() => setAsking(true)}>
        Delete
      </button>
    );
  }
  return (
    <span className="confirm-delete" role="group" aria-label={`Delete “${name}”?`} onKeyDown={onKeyDown}>
      <span className="confirm-delete-question" title={`Delete “${name}”?`}>
        Delete “<span className="confirm-delete-name">{name}</span>”?
      </span>
      <button type="button" className="button-primary" disabled={deleting} onClick={(e) => confirm(e.currentTarget)}>
        Delete
      </button>
      <button type="button" ref={cancel} disabled={deleting} onClick={close}>
        Cancel
      </button>
    </span>
  );
}

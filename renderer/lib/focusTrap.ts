/**
 * Keeps the keyboard inside a modal dialog. Without it, Tab from a dialog's last button went on to the library or
 * the toolbar behind it, and Enter there could open a second dialog over the first (a document's delete over the
 * import). Tab from the last field goes to the first, Shift+Tab from the first to the last, and Tab with the
 * focus fallen out of the dialog (a button it held went away) comes back into it.
 */

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex], [contenteditable="true"]';

/** What Tab reaches inside `container`, in order: shown, not taken out of the order, one stop per radio group. */
export function tabbables(container: HTMLElement): HTMLElement[] {
  const all = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || el.name === '') return true;
    // A radio group is one stop: its checked radio, or its first when none is.
    const group = all.filter((other): other is HTMLInputElement => other instanceof HTMLInputElement && other.type === 'radio' && other.name === el.name);
    return el === (group.find((radio) => radio.checked) ?? group[0]);
  });
}

/** The dialog the keyboard belongs to: the last modal one in the page (a prompt opened over another dialog). */
export function topModal(doc: Document): HTMLElement | null {
  const all = doc.querySelectorAll<HTMLElement>('[aria-modal="true"]');
  return all[all.length - 1] ?? null;
}

/** Moves Tab or Shift+Tab round within `dialog` where the browser would take it out. */
export function keepTabInside(event: KeyboardEvent, dialog: HTMLElement): void {
  if (event.key !== 'Tab' || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
  const items = tabbables(dialog);
  const active = dialog.ownerDocument.activeElement;
  const inside = active instanceof Node && dialog.contains(active);
  const first = items[0];
  const last = items[items.length - 1];
  const moveTo = (target: HTMLElement) => {
    event.preventDefault();
    target.focus();
  };
  if (!first || !last) return moveTo(dialog);
  if (!inside) return moveTo(event.shiftKey ? last : first);
  if (event.shiftKey && (active === first || active === dialog)) moveTo(last);
  else if (!event.shiftKey && active === last) moveTo(first);
}

/**
 * Where the keyboard goes back to when what held it goes away (a dialog closes, the find bar closes, the
 * button pressed disappears with the flag it fixed): otherwise focus falls to the page body and the editor's
 * next keystroke goes nowhere. It goes to the latest element focused outside any dialog that is still in the
 * page — usually the correction the editor was in (found again by its sentence if the row was drawn anew).
 */
const RECALLED = 8;
/** How long a return waits for what held focus to go (a flag's button goes when the store's answer is drawn). */
const WAIT_MS = 3000;

interface Recalled {
  element: HTMLElement;
  /**
   * Finds the sentence's correction again when the element is gone: anything focused in a row (its field, a
   * flag's button) leads back to that row's field, or in the inline view to its text, which opens the editor.
   */
  selector: string | null;
}

const recent: Recalled[] = [];

export function trackFocus(doc: Document): void {
  doc.addEventListener('focusin', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.closest('[role="dialog"]')) return;
    const at = recent.findIndex((r) => r.element === target);
    if (at >= 0) recent.splice(at, 1);
    const position = target.closest<HTMLElement>('[data-testid="segment-row"]')?.dataset.position;
    const selector = position
      ? `textarea[data-position="${position}"], [data-testid="segment-row"][data-position="${position}"] .inline-diff`
      : null;
    recent.push({ element: target, selector });
    if (recent.length > RECALLED) recent.shift();
  });
}

function restore(doc: Document): void {
  for (let k = recent.length - 1; k >= 0; k--) {
    const { element, selector } = recent[k]!;
    const target = element.isConnected ? element : selector ? doc.querySelector<HTMLElement>(selector) : null;
    target?.focus({ preventScroll: true });
    // One that cannot take it (a button its own press disabled, as Redo with nothing left) is passed over.
    if (target && doc.activeElement === target) return;
  }
}

/**
 * Once focus is lost (to the body, or with its element gone) within a few seconds, gives it back (see above),
 * and again should what it went back to go too meanwhile (a flags panel's Fix all button, drawn away once the
 * store's answer comes, after its dialog closed); if the editor moves it first, leaves it there. A click on the
 * page's empty space after a return, with what it returned to still there, is the editor's: it stays.
 */
export function returnFocus(doc: Document = document): void {
  let from = doc.activeElement;
  let returnedTo: Element | null = null;
  const until = performance.now() + WAIT_MS;
  const tick = () => {
    const active = doc.activeElement;
    if (!active || active === doc.body || !active.isConnected) {
      if (returnedTo?.isConnected) return;
      restore(doc);
      returnedTo = doc.activeElement === doc.body ? null : doc.activeElement;
      // Nothing could take it: nothing more to watch.
      if (!returnedTo) return;
      from = returnedTo;
    } else if (active !== from) return;
    if (performance.now() <= until) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

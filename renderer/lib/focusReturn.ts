/**
 * Where the keyboard goes back to when what held it goes away (a dialog closes, the find bar closes, the
 * button pressed disappears with the flag it fixed): otherwise focus falls to the page body and the editor's
 * next keystroke goes nowhere. It goes to the sentence the editor was in (found again by its row if it was drawn
 * anew), or on a screen without sentences to the latest element focused outside any dialog — see restore.
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
    if (recent.length > RECALLED) {
      // The oldest goes, unless it is the only sentence remembered: Tab through a panel's ten entries, and Escape
      // (or a dialog closing) must still find the sentence the editor was in.
      const sentences = recent.filter((r) => r.selector !== null).length;
      const oldest = sentences === 1 && recent[0]!.selector !== null ? recent.findIndex((r) => r.selector === null) : 0;
      recent.splice(oldest, 1);
    }
  });
}

/** What the editor presses rather than types in: its work done, the keyboard leaves it for the sentence. */
const isPressed = (element: Element): boolean =>
  element.matches('button, summary, [role="button"], [role="menuitem"], [role="tab"], input[type="checkbox"], input[type="radio"]');

/**
 * Where the keyboard goes back to: first the sentence the editor was in last (found again by its row, whatever in
 * it was focused), passing over the buttons and fields outside the grid focused since (a toolbar's, a panel's);
 * with no sentence to go to (the library), the latest element that can take it.
 */
function restore(doc: Document): void {
  const tryFocus = (target: HTMLElement | null): boolean => {
    target?.focus({ preventScroll: true });
    // One that cannot take it (a button its own press disabled, as Redo with nothing left) is passed over.
    return target !== null && doc.activeElement === target;
  };
  for (let k = recent.length - 1; k >= 0; k--) {
    const { selector } = recent[k]!;
    if (selector && tryFocus(doc.querySelector<HTMLElement>(selector))) return;
  }
  for (let k = recent.length - 1; k >= 0; k--) {
    const { element, selector } = recent[k]!;
    if (tryFocus(element.isConnected ? element : selector ? doc.querySelector<HTMLElement>(selector) : null)) return;
  }
}

/** Escape in a panel beside the grid: the keyboard goes back to the sentence the editor was in (see restore). */
export function backToSentence(doc: Document = document): void {
  restore(doc);
}

/**
 * Forgets the sentences focused in a document as its screen goes: found by position, they would lead the keyboard
 * into the sentence at that place in the next document opened.
 */
export function forgetSentences(): void {
  for (let k = recent.length - 1; k >= 0; k--) if (recent[k]!.selector) recent.splice(k, 1);
}

/**
 * After a button's work is done (the toolbar's Undo or Redo, an Edit menu's item): the keyboard goes back to the
 * sentence (see restore) rather than staying on the button, where Enter or Space would press it again — if it is
 * still on `pressed`, what had it when the work was asked; moved since, it is where the editor put it. Then as
 * returnFocus.
 */
export function returnFocusFromButton(pressed: Element | null, doc: Document = document): void {
  const active = doc.activeElement;
  if (active && active === pressed && isPressed(active) && !active.closest('[role="dialog"]')) restore(doc);
  returnFocus(doc);
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

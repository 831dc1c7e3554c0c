/**
 * Where the keyboard goes back to when what held it goes away (a dialog closes, the find bar closes, the
 * button pressed disappears with the flag it fixed): otherwise focus falls to the page body and the editor's
 * next keystroke goes nowhere. It goes to the latest element focused outside any dialog that is still in the
 * page — usually the correction the editor was in (found again by its sentence if the row was drawn anew).
 */
const RECALLED = 8;
/** How many frames a return waits for what held focus to go (React may draw the change a frame or two later). */
const FRAMES = 10;

interface Recalled {
  element: HTMLElement;
  /** Finds the same control again if its element was replaced: a correction field by its sentence. */
  selector: string | null;
}

const recent: Recalled[] = [];

export function trackFocus(doc: Document): void {
  doc.addEventListener('focusin', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.closest('[role="dialog"]')) return;
    const at = recent.findIndex((r) => r.element === target);
    if (at >= 0) recent.splice(at, 1);
    const position = target instanceof HTMLTextAreaElement ? target.dataset.position : undefined;
    recent.push({ element: target, selector: position ? `textarea[data-position="${position}"]` : null });
    if (recent.length > RECALLED) recent.shift();
  });
}

function restore(doc: Document): void {
  for (let k = recent.length - 1; k >= 0; k--) {
    const { element, selector } = recent[k]!;
    const target = element.isConnected ? element : selector ? doc.querySelector<HTMLElement>(selector) : null;
    if (target) return target.focus({ preventScroll: true });
  }
}

/**
 * Once focus is lost (to the body, or with its element gone) in the next few frames, gives it back (see above);
 * if something else takes it first, leaves it there.
 */
export function returnFocus(doc: Document = document): void {
  const from = doc.activeElement;
  let frames = 0;
  const tick = () => {
    const active = doc.activeElement;
    if (!active || active === doc.body || !active.isConnected) return restore(doc);
    if (active !== from || ++frames > FRAMES) return;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { toastPlacement, toastPlaces, type Box } from './toastPlacement';

/** What the editor works in, marked so (the grid's active row): a toast keeps clear of it. */
export const KEEP_CLEAR = 'data-keep-clear';

/** The sentence being worked in and the field with the caret, wherever it is. */
function keptClear(): Box[] {
  const boxes = [...document.querySelectorAll(`[${KEEP_CLEAR}]`)].map((element) => element.getBoundingClientRect());
  const focused = document.activeElement;
  const typedIn = focused instanceof HTMLTextAreaElement || focused instanceof HTMLInputElement || (focused instanceof HTMLElement && focused.isContentEditable);
  if (typedIn) boxes.push(focused.getBoundingClientRect());
  return boxes;
}

/**
 * A stack of toasts over the bottom right of the window, never moving what is under it — and never covering the
 * sentence being typed in: when that sentence (or the field with the caret) lies under the stack, the stack goes
 * to the top right until it no longer does. It is placed again as the stack, the focus, a scroll or the typing
 * change, before the frame is drawn (so a toast never shows over the sentence first). Toasts take no focus.
 */
export function Toasts({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const region = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const stack = region.current;
    if (!stack) return;
    let watched: Element | null = null;
    let frame = 0;
    // The sentence worked in can grow as it is typed in: watched while there are toasts, so they move if it grows under them.
    const watch = (marked: Element | null) => {
      if (marked === watched) return;
      if (watched) sizes.unobserve(watched);
      if (marked) sizes.observe(marked);
      watched = marked;
    };
    const place = () => {
      const empty = stack.childElementCount === 0;
      watch(empty ? null : document.querySelector(`[${KEEP_CLEAR}]`));
      if (empty) return;
      const style = getComputedStyle(stack);
      const px = (property: string) => parseFloat(style.getPropertyValue(property)) || 0;
      const places = toastPlaces(stack.getBoundingClientRect(), window.innerHeight, px('--toasts-top'), px('--toasts-bottom'));
      stack.dataset.placement = toastPlacement(places, keptClear());
    };
    // Now, and again once the screen has answered the event (the grid marks the row just entered as it renders).
    const placeNowAndNextFrame = () => {
      place();
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0;
          place();
        });
    };
    const sizes = new ResizeObserver(place);
    sizes.observe(stack);
    const events = ['focusin', 'focusout', 'scroll', 'input'];
    for (const type of events) document.addEventListener(type, placeNowAndNextFrame, true);
    window.addEventListener('resize', placeNowAndNextFrame);
    return () => {
      sizes.disconnect();
      cancelAnimationFrame(frame);
      for (const type of events) document.removeEventListener(type, placeNowAndNextFrame, true);
      window.removeEventListener('resize', placeNowAndNextFrame);
    };
  }, []);
  return (
    <div ref={region} className={className ? `toasts ${className}` : 'toasts'} role="region" aria-label={label} aria-live="polite">
      {children}
    </div>
  );
}

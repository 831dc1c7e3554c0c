/** A box on screen, as getBoundingClientRect gives it. */
export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export type ToastPlacement = 'bottom' | 'top';

const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/**
 * Where a stack of toasts goes: over the bottom right as usual, unless it would cover there more of what the
 * editor works in (`keepClear`: the sentence being typed in, the focused field) than it would at the top right.
 */
export function toastPlacement(places: Record<ToastPlacement, Box>, keepClear: readonly Box[]): ToastPlacement {
  const covered = (place: Box) => keepClear.reduce((area, box) => area + overlapArea(place, box), 0);
  return covered(places.top) < covered(places.bottom) ? 'top' : 'bottom';
}

/**
 * The boxes a stack as wide and high as `stack` takes at each place: `fromBottom` px above the window's bottom
 * edge, or `fromTop` px below its top edge (its right edge stays where it is).
 */
export function toastPlaces(stack: Box, viewportHeight: number, fromTop: number, fromBottom: number): Record<ToastPlacement, Box> {
  const height = stack.bottom - stack.top;
  const across = { left: stack.left, right: stack.right };
  return {
    bottom: { ...across, top: viewportHeight - fromBottom - height, bottom: viewportHeight - fromBottom },
    top: { ...across, top: fromTop, bottom: fromTop + height },
  };
}

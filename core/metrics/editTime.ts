/** Pauses longer than this are not editing time: the editor was reading, thinking or away. */
export const IDLE_GAP_MS = 60_000;

/** Time actually spent in one segment, from the moments the editor acted in it. */
export interface EditTimer {
  /** Milliseconds counted so far. */
  activeMs: number;
  keystrokes: number;
  /** When the editor last acted in this segment, or null before the first action. */
  lastAt: number | null;
}

export const newEditTimer = (): EditTimer => ({ activeMs: 0, keystrokes: 0, lastAt: null });

/**
 * Records one action (a keystroke, a paste, a click into the field) at `at`: the time since the previous
 * action counts unless it is an idle gap.
 */
export function recordAction(timer: EditTimer, at: number, keystroke = true): EditTimer {
  const gap = timer.lastAt === null ? 0 : at - timer.lastAt;
  return {
    activeMs: timer.activeMs + (gap > 0 && gap <= IDLE_GAP_MS ? gap : 0),
    keystrokes: timer.keystrokes + (keystroke ? 1 : 0),
    lastAt: at,
  };
}

/** Keys that only change what another key does: pressing one is not a keystroke of editing effort. */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'Hyper', 'Super', 'CapsLock', 'Fn', 'FnLock', 'NumLock', 'ScrollLock', 'Symbol', 'SymbolLock']);

/**
 * Whether a keydown counts toward a sentence's keystrokes (the effort metrics, as PET and MateCat count them):
 * every key but a modifier pressed on its own, so Ctrl+Alt+E is one keystroke, not three. An IME's composition
 * keydowns ('Process') are the typing itself and count.
 */
export const countsAsKeystroke = (key: string): boolean => !MODIFIERS.has(key);

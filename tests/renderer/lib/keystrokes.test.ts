import { describe, expect, it } from 'vitest';
import { countsAsKeystroke } from '../../../renderer/lib/keystrokes';

describe('countsAsKeystroke', () => {
  it('counts Ctrl+Alt+E as one keystroke: the modifiers pressed on their way to it do not count', () => {
    expect(['Control', 'Alt', 'e'].filter(countsAsKeystroke)).toEqual(['e']);
    expect(['Shift', 'A'].filter(countsAsKeystroke)).toEqual(['A']);
    expect(['Meta', 'AltGraph', 'CapsLock', 'OS'].filter(countsAsKeystroke)).toEqual([]);
  });

  it('counts typing, deleting, moving and the IME’s composition', () => {
    for (const key of ['a', 'ß', ' ', 'Backspace', 'Delete', 'ArrowLeft', 'Enter', 'Tab', 'Process', 'Dead']) {
      expect(countsAsKeystroke(key), key).toBe(true);
    }
  });
});

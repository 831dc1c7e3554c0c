import { describe, expect, it } from 'vitest';
import { isLetterKey } from '../../../renderer/lib/letterKey';

describe('isLetterKey', () => {
  it('takes the letter a Latin layout gives, wherever the key is', () => {
    expect(isLetterKey({ key: 'z', code: 'KeyZ' }, 'z')).toBe(true);
    expect(isLetterKey({ key: 'Z', code: 'KeyZ' }, 'z')).toBe(true);
    // AZERTY: the key marked Z sits where a US keyboard has W.
    expect(isLetterKey({ key: 'z', code: 'KeyW' }, 'z')).toBe(true);
    expect(isLetterKey({ key: 'w', code: 'KeyZ' }, 'z')).toBe(false);
  });

  it('takes the key’s place on another script’s layout (Russian я is where Z is)', () => {
    expect(isLetterKey({ key: 'я', code: 'KeyZ' }, 'z')).toBe(true);
    expect(isLetterKey({ key: 'Я', code: 'KeyZ' }, 'z')).toBe(true);
    expect(isLetterKey({ key: 'н', code: 'KeyY' }, 'y')).toBe(true);
    expect(isLetterKey({ key: 'ч', code: 'KeyX' }, 'z')).toBe(false);
  });

  it('is never a named key', () => {
    expect(isLetterKey({ key: 'Enter', code: 'KeyZ' }, 'z')).toBe(false);
    expect(isLetterKey({ key: 'Dead', code: 'KeyZ' }, 'z')).toBe(false);
  });
});

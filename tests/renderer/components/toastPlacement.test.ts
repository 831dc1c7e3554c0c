import { describe, expect, it } from 'vitest';
import { toastPlacement, toastPlaces, type Box } from '../../../renderer/components/toastPlacement';

// A window 800 px high; a stack 60 px high, 500 px wide, at the right, 96 px above the bottom (or 154 px below the top).
const stack: Box = { top: 644, bottom: 704, left: 764, right: 1264 };
const places = toastPlaces(stack, 800, 154, 96);
const row = (top: number, bottom: number): Box => ({ top, bottom, left: 0, right: 1280 });

describe('toastPlacement', () => {
  it('puts a stack as wide and high as it is at either place', () => {
    expect(places).toEqual({
      bottom: { top: 644, bottom: 704, left: 764, right: 1264 },
      top: { top: 154, bottom: 214, left: 764, right: 1264 },
    });
  });

  it('stays over the bottom right while nothing worked in is there', () => {
    expect(toastPlacement(places, [])).toBe('bottom');
    expect(toastPlacement(places, [row(300, 340)])).toBe('bottom');
    expect(toastPlacement(places, [row(704, 744)])).toBe('bottom'); // just below it: touching is not covering
    // A field at the left under its height is not covered either.
    expect(toastPlacement(places, [{ top: 650, bottom: 690, left: 60, right: 700 }])).toBe('bottom');
  });

  it('goes to the top right while the sentence being typed in lies under it', () => {
    expect(toastPlacement(places, [row(690, 730)])).toBe('top');
    expect(toastPlacement(places, [row(600, 650), { top: 606, bottom: 646, left: 640, right: 1200 }])).toBe('top');
  });

  it('covers the less of what is worked in when it lies under both places, and stays put when that is even', () => {
    expect(toastPlacement(places, [row(200, 700)])).toBe('top'); // 14 px of it at the top, 56 at the bottom
    expect(toastPlacement(places, [row(100, 780)])).toBe('bottom');
  });
});

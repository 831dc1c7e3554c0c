import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withRow } from '../../../../renderer/features/document/keepActiveRow';

describe('withRow', () => {
  it('puts the sentence being edited back among the filtered rows, in order', () => {
    expect(withRow([2, 5, 9], 6)).toEqual([2, 5, 6, 9]);
    expect(withRow([2, 5, 9], 1)).toEqual([1, 2, 5, 9]);
    expect(withRow([2, 5, 9], 12)).toEqual([2, 5, 9, 12]);
    expect(withRow([], 3)).toEqual([3]);
  });

  it('leaves the list as it is when the sentence is in it', () => {
    const list = [2, 5, 9];
    expect(withRow(list, 5)).toBe(list);
  });

  it('gives the filtered rows and the active one, each once, in increasing order', () => {
    const sorted = fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 60 }).map((list) => list.sort((a, b) => a - b));
    fc.assert(
      fc.property(sorted, fc.integer({ min: 1, max: 200 }), (list, active) => {
        const kept = withRow(list, active);
        expect([...kept]).toEqual([...new Set([...list, active])].sort((a, b) => a - b));
      }),
    );
  });
});

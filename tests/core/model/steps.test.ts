import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapSteps, runToEnd, type StepProgress } from '../../../core/model/steps';

describe('mapSteps', () => {
  it('maps every item, leaving out the nulls, and yields after each full slice but the last', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 7 }), (items, slice) => {
        const steps = mapSteps(items, (n) => (n % 3 === 0 ? null : n * 2), slice);
        const yielded: StepProgress[] = [];
        let next = steps.next();
        while (!next.done) {
          yielded.push(next.value);
          next = steps.next();
        }
        expect(next.value).toEqual(items.filter((n) => n % 3 !== 0).map((n) => n * 2));
        const expected = [];
        for (let done = slice; done < items.length; done += slice) expected.push({ done, total: items.length });
        expect(yielded).toEqual(expected);
      }),
    );
  });

  it('stops where an item throws, having yielded the slices before it', () => {
    const steps = mapSteps([1, 2, 3, 4, 5], (n) => {
      if (n === 4) throw new Error('not part of the document');
      return n;
    }, 2);
    expect(steps.next()).toEqual({ done: false, value: { done: 2, total: 5 } });
    expect(() => steps.next()).toThrow('not part of the document');
    expect(runToEnd(mapSteps([], () => 1, 3))).toEqual([]);
  });
});

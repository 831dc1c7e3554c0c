import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockedCounts, lockedWords, onlyLocked, openCount, PreviewChoice } from '../../../../renderer/features/fixes/previewChoice';

const changes = [
  { segmentId: 10 },
  { segmentId: 20, locked: 'file' as const },
  { segmentId: 30 },
  { segmentId: 40 },
];
const chosenIds = (choice: PreviewChoice) => choice.chosen(changes).map((c) => c.segmentId);

describe('PreviewChoice', () => {
  it('starts with every open change chosen and the locked one left out', () => {
    const choice = new PreviewChoice(changes);
    expect(choice.open).toBe(3);
    expect(choice.count).toBe(3);
    expect(choice.all).toBe(true);
    expect(chosenIds(choice)).toEqual([10, 30, 40]);
    expect(choice.isChosen(20)).toBe(false);
  });

  it('toggles one change out and back in', () => {
    const choice = new PreviewChoice(changes);
    choice.toggle(30);
    expect(choice.count).toBe(2);
    expect(choice.all).toBe(false);
    expect(chosenIds(choice)).toEqual([10, 40]);
    choice.toggle(30);
    expect(chosenIds(choice)).toEqual([10, 30, 40]);
    expect(choice.all).toBe(true);
  });

  it('never chooses a locked change or an id not in the preview, and does not count them', () => {
    const choice = new PreviewChoice(changes);
    choice.toggle(20);
    choice.toggle(99);
    expect(choice.count).toBe(3);
    expect(chosenIds(choice)).toEqual([10, 30, 40]);
    choice.chooseNone();
    choice.toggle(20);
    expect(choice.count).toBe(0);
    expect(choice.isChosen(20)).toBe(false);
  });

  it('chooses none, then two, then all again', () => {
    const choice = new PreviewChoice(changes);
    choice.chooseNone();
    expect(choice.count).toBe(0);
    expect(chosenIds(choice)).toEqual([]);
    choice.toggle(40);
    choice.toggle(10);
    expect(choice.count).toBe(2);
    expect(chosenIds(choice)).toEqual([10, 40]);
    choice.chooseAll();
    expect(chosenIds(choice)).toEqual([10, 30, 40]);
  });

  it('agrees with a plain set of chosen ids after any sequence of toggles, choose all and choose none', () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('toggle' as const), id: fc.integer({ min: 0, max: 12 }) }),
      fc.record({ kind: fc.constantFrom('all' as const, 'none' as const) }),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(undefined, 'file' as const, 'length' as const), { minLength: 0, maxLength: 10 }), fc.array(action, { maxLength: 40 }), (lockedFlags, actions) => {
        const list = lockedFlags.map((locked, i) => ({ segmentId: i, ...(locked && { locked }) }));
        const open = list.filter((c) => !c.locked).map((c) => c.segmentId);
        const choice = new PreviewChoice(list);
        let model = new Set(open);
        for (const a of actions) {
          if (a.kind === 'toggle') {
            choice.toggle(a.id);
            if (open.includes(a.id)) {
              model = new Set(model);
              if (!model.delete(a.id)) model.add(a.id);
            }
          } else if (a.kind === 'all') {
            choice.chooseAll();
            model = new Set(open);
          } else {
            choice.chooseNone();
            model = new Set();
          }
          expect(choice.count).toBe(model.size);
          expect(choice.all).toBe(model.size === open.length);
        }
        expect(choice.chosen(list).map((c) => c.segmentId)).toEqual(open.filter((id) => model.has(id)));
      }),
    );
  });
});

describe('a preview of locked sentences only', () => {
  it('counts the changes that may be applied, and says why there is nothing when every one is locked', () => {
    expect(openCount(changes)).toBe(3);
    expect(openCount([{ segmentId: 1, locked: 'file' }])).toBe(0);
    expect(openCount([{ segmentId: 1, locked: 'length' }])).toBe(0);
    const file = { segmentId: 1, locked: 'file' as const };
    const long = { segmentId: 2, locked: 'length' as const };
    expect(onlyLocked([file])).toBe('The only sentence it would change is locked in the file.');
    expect(onlyLocked([file, file])).toBe('All 2 sentences it would change are locked in the file.');
    // A unit too long to edit here is locked, but not by the file: it is said as it is.
    expect(onlyLocked([long])).toBe('The only sentence it would change is too long to edit here.');
    expect(onlyLocked([long, long])).toBe('All 2 sentences it would change are too long to edit here.');
    expect(onlyLocked([file, long, long])).toBe('All 3 sentences it would change are locked in the file or too long to edit here.');
  });

  it('counts the locked changes by why, and says them so', () => {
    const mixed = [{ segmentId: 1, locked: 'file' as const }, { segmentId: 2 }, { segmentId: 3, locked: 'length' as const }, { segmentId: 4, locked: 'length' as const }];
    expect(lockedCounts(mixed)).toEqual({ file: 1, length: 2 });
    expect(new PreviewChoice(mixed).locked).toEqual({ file: 1, length: 2 });
    expect(lockedWords({ file: 1, length: 2 })).toBe('1 locked in the file and 2 too long to edit here');
    expect(lockedWords({ file: 3, length: 0 })).toBe('3 locked in the file');
    expect(lockedWords({ file: 0, length: 1 })).toBe('1 too long to edit here');
  });
});

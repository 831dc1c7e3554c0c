import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../electron/ipc/dispatcher';
import { createHandlers } from '../../../electron/ipc/handlers';
import { SAMPLE, openTestServices, scriptedDialogs } from '../support';

/** The real check handlers over real services and a real store. */
function setup() {
  const test = openTestServices();
  const handlers = createHandlers(test.services, scriptedDialogs(), SAMPLE) as Handlers;
  return { ...test, handlers };
}

describe("the window's reads of the stored flags: counts, a screen of rows, F8, the flag filter", () => {
  it('answer what reading every flagged sentence gives, a part at a time, and follow a save', async () => {
    const { handlers, services } = setup();
    const doc = services.openSample(SAMPLE);
    const documentId = doc.id;
    const summary = await handlers['checks.document']({ documentId });
    const every = services.checks.document(documentId).segments;
    expect(every.length).toBeGreaterThan(5);
    expect(summary).toEqual({ counts: services.checks.document(documentId).counts, flagged: every.length });

    // Screens of ten rows put together are every flagged sentence; each holds only its own rows.
    const screens = [];
    for (let from = 1; from <= doc.segmentCount; from += 10) {
      const screen = await handlers['checks.inRange']({ documentId, from, to: from + 9 });
      expect(screen.every((row) => row.position >= from && row.position <= from + 9)).toBe(true);
      screens.push(...screen);
    }
    expect(screens).toEqual(every);

    // F8 and Shift+F8 from each flagged sentence, and off both ends.
    const positions = every.map((row) => row.position);
    expect(await handlers['checks.nearest']({ documentId, position: 0, direction: 'next' })).toBe(positions[0]);
    expect(await handlers['checks.nearest']({ documentId, position: doc.segmentCount + 1, direction: 'previous' })).toBe(positions.at(-1));
    expect(await handlers['checks.nearest']({ documentId, position: positions.at(-1)!, direction: 'next' })).toBeNull();
    expect(await handlers['checks.nearest']({ documentId, position: positions[1]!, direction: 'previous' })).toBe(positions[0]);

    // The filter: every flagged sentence, or those with a flag of one check.
    expect(await handlers['checks.positions']({ documentId })).toEqual(positions);
    for (const check of Object.keys(summary.counts) as Array<keyof typeof summary.counts>) {
      const withIt = every.filter((row) => row.flags.some((f) => f.check === check)).map((row) => row.position);
      expect(await handlers['checks.positions']({ documentId, check })).toEqual(withIt);
    }
    expect(await handlers['checks.positions']({ documentId, check: 'hidden-text' })).toEqual([]);

    // A save that clears a sentence's flags: the count, the screen and the filter follow.
    const first = every[0]!;
    const segment = services.segments.page(documentId, first.position - 1, 1).items[0]!;
    services.segments.update(segment.id, 'Plain words here.');
    const after = await handlers['checks.document']({ documentId });
    const everyAfter = services.checks.document(documentId).segments;
    expect(everyAfter.some((row) => row.position === first.position)).toBe(false);
    expect(after.flagged).toBe(everyAfter.length);
    expect(await handlers['checks.inRange']({ documentId, from: first.position, to: first.position })).toEqual([]);
    expect(await handlers['checks.positions']({ documentId })).toEqual(everyAfter.map((row) => row.position));
  });

  it('refuses an unknown document with not_found', async () => {
    const { handlers } = setup();
    const refused = async (work: () => unknown) => {
      try {
        await work();
      } catch (error) {
        return error;
      }
      return null;
    };
    expect(await refused(() => handlers['checks.inRange']({ documentId: 99, from: 1, to: 10 }))).toMatchObject({ code: 'not_found' });
    expect(await refused(() => handlers['checks.nearest']({ documentId: 99, position: 0, direction: 'next' }))).toMatchObject({ code: 'not_found' });
    expect(await refused(() => handlers['checks.positions']({ documentId: 99 }))).toMatchObject({ code: 'not_found' });
  });
});

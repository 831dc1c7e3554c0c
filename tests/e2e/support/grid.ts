import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Scrolls a virtualized list (`scroller`) until the row of `rowSelector` whose `data-position` is `position` is
 * drawn and in view, and returns it. Each step looks at the positions of the rows in view and scrolls up or down
 * from them, by a stride that doubles until the direction first turns and halves at each turn after (a gallop,
 * then a bisection). So a list whose rows arrive late (a loaded machine, a page still being read) is waited for, never
 * scrolled past; a row kept drawn out of view (the focused one) does not mislead it; and rows measured on the way,
 * which move the others, only cost a step more.
 */
export async function scrollUntilDrawn(scroller: Locator, rowSelector: string, position: number, { timeout = 30_000 } = {}): Promise<Locator> {
  const row = scroller.locator(`${rowSelector}[data-position="${position}"]`);
  let stride = 0.6; // in heights of the list
  let direction = 0;
  let turned = false;
  await expect(async () => {
    if (!(await row.isVisible())) {
      const inView = await positionsInView(scroller, rowSelector);
      const toward = inView.length === 0 ? 0 : position < Math.min(...inView) ? -1 : position > Math.max(...inView) ? 1 : 0;
      if (toward !== 0) {
        // Doubling only until the first turn, halving at each turn after: doubling again could circle forever.
        if (direction !== 0 && toward !== direction) {
          turned = true;
          stride = Math.max(stride / 2, 0.6);
        } else if (direction !== 0 && !turned) stride = Math.min(stride * 2, 64);
        direction = toward;
        await scroller.evaluate((el, by) => el.scrollBy(0, el.clientHeight * by), toward * stride);
      }
      await expect(row).toBeVisible({ timeout: 100 });
    }
    // Drawn, it is brought into view; should the list move again meanwhile, the search goes on.
    await row.scrollIntoViewIfNeeded({ timeout: 1_000 });
    await expect(row).toBeInViewport({ timeout: 100 });
  }).toPass({ timeout, intervals: [0] });
  return row;
}

/** The `data-position` of each element of `selector` in the scroller's view, in order (0 where it has none). */
export function positionsInView(scroller: Locator, selector: string): Promise<number[]> {
  return scroller.evaluate((el, selector) => {
    const view = el.getBoundingClientRect();
    return [...el.querySelectorAll(selector)]
      .filter((r) => {
        const box = r.getBoundingClientRect();
        return box.bottom > view.top && box.top < view.bottom;
      })
      .map((r) => Number(r.getAttribute('data-position')));
  }, selector);
}

/** Scrolls the virtualized grid until the row at `position` is rendered, and returns it. */
export async function scrollToRow(page: Page, position: number): Promise<Locator> {
  const grid = page.getByTestId('segment-grid');
  await expect(grid).toBeVisible();
  return scrollUntilDrawn(grid, '[data-testid="segment-row"]', position);
}

import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Scrolls a virtualized list (`scroller`) from the top, `fraction` of its height a step, until `row` is drawn, and
 * returns it. Each step gives the list a moment to draw the rows scrolled to: on a loaded machine a row near the top
 * could be drawn only after the next step had already scrolled past it.
 */
export async function scrollUntilDrawn(scroller: Locator, row: Locator, { steps, fraction }: { steps: number; fraction: number }): Promise<Locator> {
  if (!(await row.isVisible())) await scroller.evaluate((el) => el.scrollTo(0, 0));
  const drawn = () => row.waitFor({ state: 'visible', timeout: 100 }).then(
    () => true,
    () => false,
  );
  for (let step = 0; step < steps && !(await drawn()); step++) {
    await scroller.evaluate((el, by) => el.scrollBy(0, el.clientHeight * by), fraction);
  }
  await row.scrollIntoViewIfNeeded();
  await expect(row).toBeVisible();
  return row;
}

/** Scrolls the virtualized grid from the top until the row at `position` is rendered, and returns it. */
export async function scrollToRow(page: Page, position: number): Promise<Locator> {
  const grid = page.getByTestId('segment-grid');
  await expect(grid).toBeVisible();
  return scrollUntilDrawn(grid, page.locator(`[data-testid="segment-row"][data-position="${position}"]`), { steps: 200, fraction: 0.6 });
}

import { expect, type Locator, type Page } from '@playwright/test';

/** Scrolls the virtualized grid from the top until the row at `position` is rendered, and returns it. */
export async function scrollToRow(page: Page, position: number): Promise<Locator> {
  const grid = page.getByTestId('segment-grid');
  const row = page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
  await expect(grid).toBeVisible();
  if (!(await row.isVisible())) await grid.evaluate((el) => el.scrollTo(0, 0));
  // Each step gives the grid a moment to draw the rows scrolled to: on a loaded machine a row near the top could
  // be drawn only after the next step had already scrolled past it.
  const drawn = () => row.waitFor({ state: 'visible', timeout: 100 }).then(
    () => true,
    () => false,
  );
  for (let step = 0; step < 200 && !(await drawn()); step++) {
    await grid.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.6));
  }
  await row.scrollIntoViewIfNeeded();
  await expect(row).toBeVisible();
  return row;
}

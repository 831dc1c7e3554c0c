import { expect, type Locator } from '@playwright/test';

/**
 * Scrolls the change preview (a virtualized list: only the rows in view exist) from the top until the row of the
 * sentence at `position` is drawn, and returns it.
 */
export async function scrollToPreviewRow(dialog: Locator, position: number): Promise<Locator> {
  const body = dialog.locator('.modal-body');
  const row = dialog.locator(`[data-testid="preview-row"][data-position="${position}"]`);
  if (!(await row.isVisible())) await body.evaluate((el) => el.scrollTo(0, 0));
  const drawn = () => row.waitFor({ state: 'visible', timeout: 100 }).then(
    () => true,
    () => false,
  );
  for (let step = 0; step < 400 && !(await drawn()); step++) {
    await body.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.8));
  }
  await row.scrollIntoViewIfNeeded();
  await expect(row).toBeVisible();
  return row;
}

/**
 * Scrolls the change preview to its end, again while the end moves (rows drawn there for the first time are
 * measured, and the list's height follows), until the row of the sentence at `lastPosition` is wholly in view.
 */
export async function scrollPreviewToEnd(dialog: Locator, lastPosition: number): Promise<Locator> {
  const body = dialog.locator('.modal-body');
  const row = dialog.locator(`[data-testid="preview-row"][data-position="${lastPosition}"]`);
  await expect(async () => {
    await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(row).toBeInViewport({ ratio: 1, timeout: 200 });
  }).toPass({ timeout: 10_000 });
  return row;
}

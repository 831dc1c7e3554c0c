import { expect, type Locator } from '@playwright/test';
import { scrollUntilDrawn } from './grid';

/**
 * Scrolls the change preview (a virtualized list: only the rows in view exist) until the row of the
 * sentence at `position` is drawn, and returns it.
 */
export async function scrollToPreviewRow(dialog: Locator, position: number): Promise<Locator> {
  return scrollUntilDrawn(dialog.locator('.modal-body'), '[data-testid="preview-row"]', position);
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

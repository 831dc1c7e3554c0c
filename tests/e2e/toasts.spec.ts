import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** The row the editor works in (the sentence being typed in). */
const activeRow = (page: Page) => page.locator('[data-testid="segment-row"].row-active');

/**
 * Scrolls the grid so the active row lies where `toast` was drawn, types there, and expects the toast to have got out
 * of its way: the sentence all in sight, the keyboard still in it.
 */
async function typeUnder(page: Page, toast: Locator, typed: string) {
  const at = (await toast.boundingBox())!;
  const row = activeRow(page);
  const box = (await row.boundingBox())!;
  await page.getByTestId('segment-grid').evaluate((grid, by) => grid.scrollBy(0, by), box.y + box.height / 2 - (at.y + at.height / 2));
  await expect.poll(async () => Math.abs(((await row.boundingBox())!.y + box.height / 2) - (at.y + at.height / 2))).toBeLessThan(box.height / 2);
  const field = row.getByRole('textbox');
  await expect(field).toBeFocused();
  await page.keyboard.type(typed);
  await expect(field).toHaveValue(new RegExp(`${typed}$`));
  await expect(toast).toBeVisible();
  await expect.poll(async () => overlap((await toast.boundingBox())!, (await row.boundingBox())!)).toBe(0);
}

test('a toast never covers the sentence being typed in, nor takes the keyboard from it', async ({ page }, info) => {
  await page.goto('/');
  // Sentence 52 names Alma-Ata, as three others do: corrected and left, it brings an offer for them.
  const row52 = await scrollToRow(page, 52);
  await page.getByTestId('segment-grid').evaluate((grid, top) => grid.scrollBy(0, top - grid.getBoundingClientRect().top - 40), (await row52.boundingBox())!.y);
  const field52 = row52.getByRole('textbox');
  await field52.click();
  await field52.fill((await field52.inputValue()).replace('Alma-Ata', 'Almaty'));
  await page.keyboard.press('Alt+ArrowDown');
  const offer = page.getByTestId('propagation-bar');
  await expect(offer).toContainText('“Alma-Ata”');
  await expect(activeRow(page)).toHaveAttribute('data-position', '53');
  await expect(activeRow(page).getByRole('textbox')).toBeFocused();
  await page.keyboard.press('End');
  await typeUnder(page, offer, ' Offered');
  await page.screenshot({ path: info.outputPath('offer-clear-of-the-sentence.png') });

  // A notice too (what Ctrl+Alt+A says with no words selected), over the rows lower down.
  await offer.getByRole('button', { name: 'Dismiss' }).click();
  await activeRow(page).getByRole('textbox').focus();
  await page.keyboard.press('Control+Alt+a');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Select the words');
  await expect(activeRow(page).getByRole('textbox')).toBeFocused();
  await typeUnder(page, notice, ' Noticed');
  await page.screenshot({ path: info.outputPath('notice-clear-of-the-sentence.png') });
});

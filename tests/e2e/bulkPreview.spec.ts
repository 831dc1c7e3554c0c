import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { scrollPreviewToEnd, scrollToPreviewRow } from './support/preview';

// A few thousand sentences naming Alma-Ata, every fifth long enough to wrap over several lines of the preview.
const COUNT = 3000;
const FILLER = 'while the delegation waited in the hall for the minister who had been delayed by the snow on the road';
const LINES = Array.from({ length: COUNT }, (_, i) =>
  i % 5 === 4 ? `Line ${i + 1} names Alma-Ata ${FILLER}, ${FILLER}, and ${FILLER}.` : `Line ${i + 1} names Alma-Ata.`,
);

async function openBook(page: Page) {
  await page.goto('/');
  const title = page.getByRole('heading', { name: 'Book' });
  if (!(await title.isVisible())) await page.getByRole('button', { name: /Book/ }).first().click();
  await expect(title).toBeVisible();
}

async function replaceAll(page: Page, find: string, replace: string) {
  await page.getByTestId('segment-grid').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+h');
  await expect(page.getByRole('dialog', { name: 'Find and replace' })).toBeVisible();
  await page.keyboard.type(find);
  await page.keyboard.press('Tab');
  await page.keyboard.type(replace);
  await page.keyboard.press('Enter');
  return page.getByRole('dialog', { name: /^Replace “/ });
}

test('a preview of thousands of changes draws only the rows in view; choose none, tick two, apply two; choose all, apply all', async ({
  page,
  backend,
}, info) => {
  const doc = backend.services.openSample({ fileName: 'book.txt', title: 'Book', text: LINES.join('\n') });
  const texts = () => backend.services.segments.page(doc.id, 0, COUNT).items.map((s) => s.currentText);
  await openBook(page);

  const preview = await replaceAll(page, 'Alma-Ata', 'Almaty');
  await expect(preview).toBeVisible();
  await expect(preview.getByTestId('preview-count')).toHaveText(`${COUNT} of ${COUNT} chosen`);
  await expect(preview.getByRole('button', { name: 'Apply all as one step' })).toBeFocused();
  // The first rows are drawn with their diffs, and the DOM holds a window of rows, not three thousand.
  const first = preview.locator('[data-testid="preview-row"][data-position="1"]');
  await expect(first.locator('del')).toContainText(['Alma-Ata']);
  await expect(first.locator('ins')).toContainText(['Almaty']);
  const drawn = await preview.getByTestId('preview-row').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(100);
  await page.screenshot({ path: info.outputPath('preview-top.png') });

  // Tab walks the checkboxes on past the rows first drawn: each comes into view as it takes focus.
  await preview.getByRole('checkbox', { name: 'Apply to sentence 1', exact: true }).focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
  const box41 = preview.getByRole('checkbox', { name: 'Apply to sentence 41', exact: true });
  await expect(box41).toBeFocused();
  await expect(box41).toBeInViewport();

  // Scrolled to the end, the last sentence's row is there and stays put (no jump once its neighbours are measured).
  const last = await scrollPreviewToEnd(preview, COUNT);
  const lastTop = await last.evaluate((el) => el.getBoundingClientRect().top);
  await page.waitForTimeout(300);
  expect(await last.evaluate((el) => el.getBoundingClientRect().top)).toBe(lastTop);
  expect(await preview.getByTestId('preview-row').count()).toBeLessThan(100);
  // The focused row, scrolled far out of view, is kept: focus (and Escape to close) is not lost with it.
  await expect(box41).toBeFocused();
  await page.screenshot({ path: info.outputPath('preview-end.png') });

  // Choose none, then tick the last row with the keyboard and the first with the mouse: exactly those two apply.
  await preview.getByRole('button', { name: 'Choose none' }).click();
  await expect(preview.getByTestId('preview-count')).toHaveText(`0 of ${COUNT} chosen`);
  await expect(preview.getByRole('button', { name: /^Apply/ })).toBeDisabled();
  const lastBox = preview.getByRole('checkbox', { name: `Apply to sentence ${COUNT}`, exact: true });
  await expect(lastBox).not.toBeChecked();
  await lastBox.focus();
  await page.keyboard.press('Space');
  await expect(lastBox).toBeChecked();
  const firstRow = await scrollToPreviewRow(preview, 1);
  await firstRow.getByRole('checkbox', { name: 'Apply to sentence 1', exact: true }).check();
  await expect(preview.getByTestId('preview-count')).toHaveText(`2 of ${COUNT} chosen`);
  // Rows drawn again after scrolling back keep their choice.
  await expect(preview.getByRole('checkbox', { name: 'Apply to sentence 2', exact: true })).not.toBeChecked();
  await preview.getByRole('button', { name: 'Apply 2 as one step' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText('changed 2 sentences');
  const changed = texts().flatMap((text, i) => (text.includes('Almaty') ? [i + 1] : []));
  expect(changed).toEqual([1, COUNT]);

  // Choose none, then choose all, applies every change (the minister of the long fifth sentences: 600 of them, so
  // the spec does not wait for thousands of writes).
  const long = LINES.flatMap((line, i) => (line.includes('minister') ? [i + 1] : []));
  const all = await replaceAll(page, 'minister', 'Minister');
  await expect(all.getByTestId('preview-count')).toHaveText(`${long.length} of ${long.length} chosen`);
  await expect(all.getByRole('button', { name: 'Choose all' })).toBeDisabled();
  await all.getByRole('button', { name: 'Choose none' }).click();
  await expect(all.getByRole('button', { name: 'Choose none' })).toBeDisabled();
  await expect(all.getByRole('checkbox', { name: `Apply to sentence ${long[0]}`, exact: true })).not.toBeChecked();
  await all.getByRole('button', { name: 'Choose all' }).click();
  await expect(all.getByTestId('preview-count')).toHaveText(`${long.length} of ${long.length} chosen`);
  await expect(all.getByRole('checkbox', { name: `Apply to sentence ${long[0]}`, exact: true })).toBeChecked();
  await all.getByRole('button', { name: 'Apply all as one step' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText(`changed ${long.length} sentences`, { timeout: 30_000 });
  const after = texts();
  expect(after.filter((text) => text.includes('minister'))).toEqual([]);
  expect(after.flatMap((text, i) => (text.includes('Minister') ? [i + 1] : []))).toEqual(long);
});

test('a preview of three changes is as small as its rows', async ({ page, backend }, info) => {
  backend.services.openSample({ fileName: 'book.txt', title: 'Book', text: LINES.slice(0, 3).join('\n') });
  await openBook(page);
  const preview = await replaceAll(page, 'Alma-Ata', 'Almaty');
  await expect(preview.getByTestId('preview-row')).toHaveCount(3);
  await expect(preview.getByTestId('preview-count')).toHaveText('3 of 3 chosen');
  // The body fits its three rows: no empty space below them, no scrolling.
  const body = preview.locator('.modal-body');
  const [client, scroll] = await body.evaluate((el) => [el.clientHeight, el.scrollHeight]);
  expect(scroll).toBe(client);
  const rowsBottom = await preview.getByTestId('preview-row').last().evaluate((el) => el.getBoundingClientRect().bottom);
  const bodyBottom = await body.evaluate((el) => el.getBoundingClientRect().bottom);
  expect(bodyBottom - rowsBottom).toBeLessThan(20);
  await page.screenshot({ path: info.outputPath('preview-three.png') });
});

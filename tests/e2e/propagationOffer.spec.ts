import type { Page } from '@playwright/test';
import type { DocumentSummary } from '../../core/model/document';
import type { Backend } from './support/backend';
import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';
import { scrollPreviewToEnd } from './support/preview';

// 60 of 70 sentences name Alma-Ata: more than the 50 an offer reads.
const LINES = Array.from({ length: 70 }, (_, i) => (i % 7 === 6 ? `Line ${i + 1} is plain.` : `Line ${i + 1} names Alma-Ata.`));
const WITH = LINES.flatMap((line, i) => (line.includes('Alma-Ata') ? [i + 1] : []));

/** The 70-line document, stored and open in the window. */
async function openLong(page: Page, backend: Backend): Promise<DocumentSummary> {
  const doc = backend.services.openSample({ fileName: 'long.txt', title: 'Long', text: LINES.join('\n') });
  await page.goto('/');
  const title = page.getByRole('heading', { name: 'Long' });
  if (!(await title.isVisible())) await page.getByRole('button', { name: /Long/ }).first().click();
  await expect(title).toBeVisible();
  return doc;
}

/** Alma-Ata corrected in the first sentence that has it, and the sentence left: the offer it brings. */
async function correctFirst(page: Page) {
  const first = await scrollToRow(page, WITH[0]!);
  const field = first.getByRole('textbox');
  await field.click();
  await field.fill(LINES[WITH[0]! - 1]!.replace('Alma-Ata', 'Almaty'));
  await page.keyboard.press('Tab');
  const offer = page.getByTestId('propagation-bar');
  await expect(offer).toContainText('“Alma-Ata”');
  return { field, offer };
}

test('an offer for more sentences than it read says “50+”, and reviewing it lists every one of them', async ({ page, backend }, info) => {
  const doc = await openLong(page, backend);

  const { offer } = await correctFirst(page);
  await expect(offer.getByRole('button', { name: 'Apply to 50+ more' })).toBeVisible();
  await page.screenshot({ path: info.outputPath('offer.png') });
  await offer.getByRole('button', { name: 'Review 50+ more…' }).click();

  // The whole list, read now: all 59 others, not the 50 of the offer.
  const dialog = page.getByRole('dialog');
  // The list draws only the rows in view: every one is counted, and the last is there when scrolled to.
  await expect(dialog.getByTestId('preview-count')).toHaveText(`${WITH.length - 1} of ${WITH.length - 1} chosen`);
  await expect(dialog.locator(`[data-testid="preview-row"][data-position="${WITH[1]}"]`)).toBeVisible();
  await scrollPreviewToEnd(dialog, WITH[WITH.length - 1]!);
  await dialog.getByRole('button', { name: 'Apply all as one step' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText(`changed ${WITH.length - 1} sentences`);
  const texts = backend.services.segments.page(doc.id, 0, 100).items.map((s) => s.currentText);
  expect(texts.filter((t) => t.includes('Alma-Ata'))).toEqual([]);
  expect(texts.filter((t) => t.includes('Almaty'))).toHaveLength(WITH.length);
});

test('“Apply to 50+ more” changes every other sentence that has it, not only the 50 the offer read', async ({ page, backend }) => {
  const doc = await openLong(page, backend);

  const first = await scrollToRow(page, WITH[0]!);
  await first.getByRole('textbox').click();
  await first.getByRole('textbox').fill(LINES[WITH[0]! - 1]!.replace('Alma-Ata', 'Almaty'));
  await page.keyboard.press('Tab');
  await page.getByTestId('propagation-bar').getByRole('button', { name: 'Apply to 50+ more' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText(`changed ${WITH.length - 1} sentences`);
  const texts = backend.services.segments.page(doc.id, 0, 100).items.map((s) => s.currentText);
  expect(texts.filter((t) => t.includes('Almaty'))).toHaveLength(WITH.length);
});

test('the offer goes once the correction behind it is reverted, and a changed sentence keeps it no longer', async ({ page, backend }) => {
  const doc = await openLong(page, backend);

  const { field, offer } = await correctFirst(page);
  // A status change leaves the text as it was: the offer stays.
  await field.click();
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => backend.services.segments.page(doc.id, WITH[0]! - 1, 1).items[0]!.status).toBe('confirmed');
  await expect(offer).toBeVisible();

  await field.click();
  await page.keyboard.press('Control+Alt+R');
  await expect(field).toHaveValue(LINES[WITH[0]! - 1]!);
  await expect(offer).toHaveCount(0);
});

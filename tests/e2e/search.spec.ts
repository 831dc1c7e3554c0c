import type { Page } from '@playwright/test';
import { segmentText } from '../../core/segmentation';
import { SAMPLE } from './support/backend';
import { expect, test } from './support/fixtures';

const SENTENCES = segmentText(SAMPLE.text).segments.map((s) => s.text);

/** The sentence positions the search panel lists, in its order. */
async function listed(page: Page): Promise<number[]> {
  const labels = await page.locator('.side-panel .timeline-entry .muted').allTextContents();
  return labels.map((label) => Number(/sentence (\d+)/.exec(label)?.[1]));
}

test('Ctrl+Shift+F searches in document order, says how many match and how many are shown, and shows more on request', async ({ page }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
  await page.keyboard.press('Control+Shift+f');
  const input = page.getByRole('textbox', { name: 'Search for' });
  await expect(input).toBeFocused();

  // A word more than a page of sentences use: the first 50, in position order, and the count of all of them.
  const expected = SENTENCES.flatMap((text, i) => (/\bthe\b/i.test(text) ? [i + 1] : []));
  expect(expected.length).toBeGreaterThan(50);
  await input.fill('the ');
  await expect(page.getByTestId('search-count')).toHaveText(`${expected.length} sentences match; the first 50 shown, in document order`);
  expect(await listed(page)).toEqual(expected.slice(0, 50));
  await page.screenshot({ path: info.outputPath('search-first-page.png') });

  await page.getByTestId('search-more').click();
  await expect(page.getByTestId('search-count')).toHaveText(`${expected.length} sentences match, in document order`);
  expect(await listed(page)).toEqual(expected);
  await expect(page.getByTestId('search-more')).toHaveCount(0);

  // A rarer word: every match at once, and a click goes to its sentence.
  const almaAta = SENTENCES.flatMap((text, i) => (text.includes('Alma-Ata') ? [i + 1] : []));
  await input.fill('Alma-Ata');
  await expect(page.getByTestId('search-count')).toHaveText(`${almaAta.length} sentences match, in document order`);
  expect(await listed(page)).toEqual(almaAta);
  await expect(page.getByTestId('search-more')).toHaveCount(0);

  // Escape in the panel's field sends the keyboard back to the sentence, as the find bar does; the panel stays.
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid="segment-row"][data-position="1"]').getByRole('textbox')).toBeFocused();
  await expect(page.getByTestId('search-panel')).toBeVisible();
});

test('Ctrl+Shift+F searches all documents, this one first; a hit in another opens it with the keyboard in that sentence', async ({ page, backend }) => {
  backend.services.openSample(SAMPLE);
  backend.services.openSample({ fileName: 'other.txt', title: 'Other', text: 'Nothing here.\nThe airport of Alma-Ata reopened.' });
  await page.goto('/');
  const title = page.getByRole('heading', { name: SAMPLE.title });
  if (!(await title.isVisible())) await page.getByRole('button', { name: SAMPLE.title }).first().click();
  await expect(title).toBeVisible();
  await page.keyboard.press('Control+Shift+f');
  await expect(page.getByRole('checkbox', { name: 'All documents' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Search for' }).fill('reopened');
  const hit = page.locator('.side-panel .timeline-entry', { hasText: 'Other · sentence 2' });
  await hit.click();
  await expect(page.getByRole('heading', { name: 'Other' })).toBeVisible();
  await expect(page.locator('textarea[data-position="2"]')).toBeFocused();
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentText } from '../../core/segmentation';
import { SAMPLE } from './support/backend';
import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';

const MT = 'President Kassym-Jomart Tokayev in the afternoon of January 5, he made a television address to citizens.';
const FIXED = 'On the afternoon of January 5, President Kassym-Jomart Tokayev made a television address to citizens.';
const POSITION = segmentText(SAMPLE.text).segments.findIndex((s) => s.text === MT) + 1;

test('the whole loop: open the sample, correct a sentence, reopen, export', async ({ page, backend }) => {
  expect(POSITION, 'the sample contains the sentence').toBeGreaterThan(0);
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') cspErrors.push(message.text());
  });

  // A first start opens the bundled sample.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: SAMPLE.title })).toBeVisible();
  await expect(page.getByText('0/91 corrected')).toBeVisible();

  const row = await scrollToRow(page, POSITION);
  await expect(row.getByTestId('mt-text')).toHaveText(MT);
  const field = row.getByRole('textbox');
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(FIXED);

  // The diff marks what the correction removed (in the MT) and added (in the correction).
  // The subject moved: its old place and the resumptive "he" are struck, "On" and its new place are added.
  await expect(row.getByTestId('mt-text').locator('del')).toHaveText(['President Kassym-Jomart Tokayev in ', 'he ']);
  await expect(row.getByTestId('correction-diff').locator('ins')).toHaveText(['On ', 'President Kassym-Jomart Tokayev ']);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  await expect(page.getByText('1/91 corrected')).toBeVisible();

  // Relaunch on the same database file: the correction is there, with its two revisions.
  backend.restart();
  await page.reload();
  await page.getByRole('button', { name: new RegExp(`^${SAMPLE.title.replace(/[()]/g, '\\$&')}`) }).click();
  const reopened = await scrollToRow(page, POSITION);
  await expect(reopened.getByRole('textbox')).toHaveValue(FIXED);
  await expect(reopened.getByTestId('row-gutter')).toHaveAttribute('title', /2 revisions stored/);
  const segment = backend.services.segments.page(1, POSITION - 1, 1).items[0]!;
  expect(backend.services.segments.history(segment.id).map((r) => [r.origin, r.text])).toEqual([
    ['import', MT],
    ['edit', FIXED],
  ]);

  // Export writes the clean text in the original layout: the sample with just that sentence changed.
  backend.dialogs.exportPath = join(backend.dir, 'exported.txt');
  await page.getByRole('button', { name: 'Export clean text…' }).click();
  await expect(page.getByTestId('notice')).toContainText('exported.txt');
  expect(readFileSync(backend.dialogs.exportPath, 'utf8')).toBe(SAMPLE.text.replace(MT, FIXED));

  expect(cspErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
});

test('revert restores the MT and records a revert revision', async ({ page, backend }) => {
  await page.goto('/');
  const row = await scrollToRow(page, 2);
  const field = row.getByRole('textbox');
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Extra words');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  await row.getByRole('button', { name: 'Revert sentence 2 to the MT' }).click();
  const mt = segmentText(SAMPLE.text).segments[1]!.text;
  await expect(field).toHaveValue(mt);
  await expect(row.getByTestId('mt-text').locator('del')).toHaveCount(0);
  await expect(row.getByTestId('row-gutter')).toHaveAttribute('title', /3 revisions stored/);
  const segment = backend.services.segments.page(1, 1, 1).items[0]!;
  expect(backend.services.segments.history(segment.id).map((r) => r.origin)).toEqual(['import', 'edit', 'revert']);
});

test('opening a file that is not text shows a clear error and stores nothing', async ({ page, backend }) => {
  backend.services.openSample(SAMPLE);
  backend.dialogs.openPath = join(__dirname, '..', '..', '.native', 'node', 'better_sqlite3.node');
  await page.goto('/');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await expect(page.getByTestId('notice')).toContainText('binary data');
  expect(backend.services.documents.list()).toHaveLength(1);
});

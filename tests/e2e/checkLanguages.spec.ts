import { segmentText } from '../../core/segmentation';
import { SAMPLE } from './support/backend';
import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';

const SENTENCES = segmentText(SAMPLE.text).segments.map((s) => s.text);
/** The sample's one spelling flag: “akimats” (regional administrations), a word the English dictionary lacks. */
const AKIMATS = SENTENCES.findIndex((s) => s.includes('akimats')) + 1;

test('a spelling flag, “Add to dictionary”, and the flag is gone — also after a reload', async ({ page, backend }) => {
  expect(AKIMATS).toBeGreaterThan(0);
  await page.goto('/');
  await page.getByRole('button', { name: /^Flags/ }).click();
  const panel = page.getByTestId('flags-panel');
  await expect(panel.locator('[data-testid="check-row"][data-check="spelling"]')).toContainText('1');

  const row = await scrollToRow(page, AKIMATS);
  await row.getByRole('textbox').focus();
  const flag = row.locator('[data-testid="flag"][data-check="spelling"]');
  await expect(flag).toContainText('“akimats” is not in the dictionary');
  await flag.getByRole('button', { name: 'Add to dictionary' }).click();

  await expect(page.getByTestId('notice')).toContainText('“akimats” added to the dictionary');
  await expect(row.locator('[data-testid="flag"][data-check="spelling"]')).toHaveCount(0);
  await expect(panel.locator('[data-testid="check-row"][data-check="spelling"]')).toHaveCount(0);
  expect(backend.services.checks.words()).toEqual(['akimats']);

  backend.restart();
  await page.reload();
  await page.getByRole('button', { name: /^Kazakhstan: .*sample MT/ }).click();
  await page.getByRole('button', { name: /^Flags/ }).click();
  await expect(page.getByTestId('flags-panel').getByTestId('flagged-count')).toContainText('sentences flagged');
  await expect(page.getByTestId('flags-panel').locator('[data-check="spelling"]')).toHaveCount(0);
});

test('a word still being typed is not flagged as misspelled; a finished one is, as the editor types', async ({ page, backend }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
  // Spelling joins the checks once the document's dictionary is built (between requests).
  await expect.poll(() => backend.services.spelling.loading(1), { timeout: 60_000 }).toBe(false);
  const row = await scrollToRow(page, 6);
  await row.getByRole('textbox').click();
  await page.keyboard.press('End');
  const spelling = row.locator('[data-testid="flag"][data-check="spelling"]');
  for (let k = 0; k < 'help.'.length; k++) await page.keyboard.press('Backspace');
  // Pauses longer than the live check's delay, as a slow typist makes them.
  for (const key of 'assistanc') {
    await page.keyboard.type(key);
    await page.waitForTimeout(250);
  }
  await page.waitForTimeout(800); // past the last pause's live check (it flagged `assistanc` before)
  await expect(spelling).toHaveCount(0);
  await page.keyboard.type('e.'); // a word, finished: still nothing
  await page.waitForTimeout(800);
  await expect(spelling).toHaveCount(0);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('se.'); // a misspelling, finished: flagged as the editor types
  await expect(spelling).toContainText('“assistanse” is not in the dictionary');
  // Left ending in it, and come back to: the word was there on entering, so its flag shows at once, with a fix.
  await page.keyboard.press('Backspace');
  await expect(spelling).toHaveCount(0); // typed this visit, at the end: held back again
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(row.getByRole('textbox')).toBeFocused();
  await expect(spelling).toContainText('“assistanse” is not in the dictionary');
  await expect(spelling.getByRole('button', { name: 'Apply fix' })).toBeVisible();
});

test('the languages the document is checked in are shown, and changed from the flags panel', async ({ page, backend }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Flags/ }).click();
  const languages = page.getByTestId('flags-panel').getByRole('region', { name: 'Languages' });
  await expect(languages.getByTestId('checked-as')).toHaveText('Checked as English');
  const source = languages.getByLabel('Source');
  const target = languages.getByLabel('Target');
  await expect(target).toHaveValue('detect');
  await expect(target.locator('option:checked')).toHaveText('Detect (English)');

  await source.selectOption({ label: 'Russian' });
  await expect(languages.getByTestId('checked-as')).toHaveText('Checked as Russian → English');
  expect(backend.services.checks.languages(1).stored).toEqual({ source: 'ru', target: null });

  // The target chosen rather than detected; then detected again. (German is covered by the handler test: the
  // German dictionary's suggestions for a whole English document take minutes, too slow for a browser test.)
  await target.selectOption({ label: 'English' });
  await expect(target).toHaveValue('en');
  await expect.poll(() => backend.services.checks.languages(1).stored).toEqual({ source: 'ru', target: 'en' });
  await expect(page.locator('[data-testid="check-row"][data-check="spelling"] .check-count')).toHaveText('1');

  await target.selectOption('detect');
  await expect(target).toHaveValue('detect');
  await expect(languages.getByTestId('checked-as')).toHaveText('Checked as Russian → English');
  await expect.poll(() => backend.services.checks.languages(1).stored).toEqual({ source: 'ru', target: null });
  await expect(page.locator('[data-testid="check-row"][data-check="spelling"] .check-count')).toHaveText('1');
});

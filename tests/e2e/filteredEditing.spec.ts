import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import type { Backend } from './support/backend';

// A correction can take its own row out of the filter that shows it. The row stays until the editor leaves it:
// the caret must never end up in another sentence's text box, typing on into that sentence.

const field = (page: Page, position: number) => page.locator(`textarea[data-position="${position}"]`);
const stored = (backend: Backend, position: number) => backend.services.segments.page(1, position - 1, 1).items[0]!;
const shownRows = (page: Page) =>
  page.locator('[data-testid="segment-row"]').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.position)));
const savedAll = (page: Page) => expect(page.getByTestId('save-state')).toHaveAttribute('data-status', /^(saved|idle)$/, { timeout: 10_000 });

test('typing on in a sentence that its first save took out of a status filter stays in that sentence', async ({ page, backend }) => {
  await page.goto('/');
  await expect(field(page, 3)).toBeVisible();
  const fourth = stored(backend, 4).currentText;
  await page.getByRole('combobox', { name: 'Show' }).selectOption('not_started');
  await field(page, 3).click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Some', { delay: 30 });
  // The save lands: sentence 3 is "Edited" now, no longer "Not started", and the filter is asked again.
  await expect.poll(() => stored(backend, 3).status).toBe('edited');
  await savedAll(page);
  await expect(field(page, 3)).toBeFocused();
  await page.keyboard.type(' more words', { delay: 30 });
  await expect.poll(() => stored(backend, 3).currentText).toMatch(/ Some more words$/);
  expect(stored(backend, 4).currentText).toBe(fourth);

  // Leaving it, the editor sees the filter as it is: sentence 3 goes.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(field(page, 4)).toBeFocused();
  await expect.poll(() => shownRows(page)).not.toContain(3);
  expect(stored(backend, 4).currentText).toBe(fourth);
});

test('a fix that clears the flag a flag filter shows leaves the caret in the sentence fixed', async ({ page, backend }) => {
  await page.goto('/');
  await expect(field(page, 1)).toBeVisible();
  const fourth = stored(backend, 4).currentText;
  await page.getByRole('combobox', { name: 'Show' }).selectOption('any');
  await expect.poll(() => shownRows(page)).toContain(1);
  await expect(page.getByTestId('status-flagged')).toHaveText(/⚑ \d+ flagged/);
  const flaggedBefore = Number(/\d+/.exec((await page.getByTestId('status-flagged').textContent())!)![0]);
  await field(page, 1).click();
  await page.keyboard.press('Home');
  // The sample's first sentence starts with leaked metadata ("date 2022-01-06 "); deleting it clears the flag.
  const leaked = /^date \S+ /.exec(stored(backend, 1).currentText)![0];
  for (let k = 0; k < leaked.length; k++) await page.keyboard.press('Delete');
  await savedAll(page);
  await expect.poll(() => backend.services.checks.storedPositions(1)).not.toContain(1);
  // The window has heard (its flag count went down), so the filter has been asked again.
  await expect(page.getByTestId('status-flagged')).toHaveText(`⚑ ${flaggedBefore - 1} flagged`);
  await expect(field(page, 1)).toBeFocused();
  await page.keyboard.type('X');
  await expect.poll(() => stored(backend, 1).currentText.startsWith('X')).toBe(true);
  expect(stored(backend, 4).currentText).toBe(fourth);
});

test('the “With notes” filter lets a sentence go once its note is removed and the editor leaves it', async ({ page, backend }) => {
  await page.goto('/');
  for (const position of [2, 3]) {
    await field(page, position).focus();
    await page.keyboard.press('Control+Alt+n');
    await page.keyboard.type(`Note ${position}`);
    await page.keyboard.press('Escape');
  }
  await expect.poll(() => backend.services.segments.page(1, 2, 1).items[0]!.note).toBe('Note 3');
  await page.getByRole('combobox', { name: 'Show' }).selectOption('notes');
  await expect.poll(() => shownRows(page)).toEqual([2, 3]);
  await field(page, 2).focus();
  await page.keyboard.press('Control+Alt+n');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Escape');
  await expect.poll(() => backend.services.segments.page(1, 1, 1).items[0]!.note).toBe(null);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(field(page, 3)).toBeFocused();
  await expect.poll(() => shownRows(page)).toEqual([3]);
});

test('a jump from the Changes panel to a sentence the filter hides says so, and offers to show all and go there', async ({ page }) => {
  await page.goto('/');
  await field(page, 2).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Edited.');
  await savedAll(page);
  await page.getByRole('combobox', { name: 'Show' }).selectOption('any'); // flagged sentences: 2 is not one
  await expect.poll(() => shownRows(page).then((rows) => rows.includes(2))).toBe(false);
  await page.getByRole('button', { name: 'Changes' }).click();
  await page.locator('.timeline-entry').filter({ hasText: 'Edited.' }).first().click();
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Sentence 2 is hidden by the filter.');
  await notice.getByRole('button', { name: 'Show all and go there' }).click();
  await expect(page.getByRole('combobox', { name: 'Show' })).toHaveValue('all');
  await expect(field(page, 2)).toBeFocused();
  // Asked again, then the document left: the notice goes with it (its action would act on a screen that is gone).
  await page.getByRole('combobox', { name: 'Show' }).selectOption('any');
  await expect.poll(() => shownRows(page).then((rows) => rows.includes(2))).toBe(false);
  await page.locator('.timeline-entry').filter({ hasText: 'Edited.' }).first().click();
  await expect(notice).toContainText('Sentence 2 is hidden by the filter.');
  await page.keyboard.press('Control+Shift+l');
  await expect(page.getByRole('heading', { name: 'Redline' })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test('a replace all with a filter on says how many of the sentences it lists the filter hides', async ({ page, backend }) => {
  await page.goto('/');
  await expect(field(page, 1)).toBeVisible();
  const doc = backend.services.documents.list()[0]!;
  const withAlmaAta = backend.services.segments.page(doc.id, 0, 200).items.filter((s) => s.currentText.includes('Alma-Ata'));
  backend.services.segments.setStatus(withAlmaAta[0]!.id, 'confirmed');
  await page.getByRole('combobox', { name: 'Show' }).selectOption('confirmed');
  await expect.poll(() => shownRows(page)).toEqual([withAlmaAta[0]!.position]);
  await page.keyboard.press('Control+h');
  const dialog = page.getByRole('dialog', { name: 'Find and replace' });
  await dialog.getByLabel('Find').fill('Alma-Ata');
  await dialog.getByLabel('Replace with').fill('Almaty');
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: /^Replace “Alma-Ata” → “Almaty”/ });
  await expect(preview.getByTestId('preview-hidden')).toHaveText(
    `${withAlmaAta.length - 1} of these ${withAlmaAta.length} sentences are hidden by the filter: applying changes them all the same.`,
  );
});

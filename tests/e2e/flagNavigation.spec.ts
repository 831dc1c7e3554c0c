import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';

/** The positions of the rows the grid has rendered, in order. */
const shownPositions = (page: Page) =>
  page.locator('[data-testid="segment-row"]').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.position)));

/** The position of the correction the caret is in. */
const caretAt = (page: Page) => page.evaluate(() => Number((document.activeElement as HTMLElement | null)?.dataset.position ?? 0));

test('the flags the window shows come from the store a screen at a time: marks, count, filter, F8 — and they follow a save', async ({ page, backend }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Flags/ }).click();
  const panel = page.getByTestId('flags-panel');
  // Spelling joins the checks once the document's dictionary is built (between requests): the flags to expect
  // are those with it.
  await expect.poll(() => backend.services.spelling.loading(1), { timeout: 60_000 }).toBe(false);
  const every = () => backend.services.checks.document(1).segments;
  const flagged = every().map((row) => row.position);
  expect(flagged.length).toBeGreaterThan(5);
  await expect(panel.getByTestId('flagged-count')).toHaveText(`${flagged.length} sentences flagged.`);

  // Each row on screen carries a mark exactly when the store holds flags for it.
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
  for (const position of (await shownPositions(page)).slice(0, 12)) {
    const row = page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
    await expect(row.getByTestId('flag-mark'), `row ${position}`).toHaveCount(flagged.includes(position) ? 1 : 0);
  }

  // Flagged sentences only, then one check's.
  await panel.getByLabel('Flagged sentences only').check();
  await expect.poll(async () => (await shownPositions(page)).slice(0, 8)).toEqual(flagged.slice(0, 8));
  const names = every().filter((row) => row.flags.some((f) => f.check === 'name-variants')).map((row) => row.position);
  expect(names.length).toBeGreaterThan(1);
  await panel.locator('[data-check="name-variants"] .check-name').click();
  await expect.poll(() => shownPositions(page)).toEqual(names);
  // The toolbar names the check filter too, so it shows with the panel closed.
  await expect(page.getByRole('combobox', { name: 'Show' }).locator('option:checked')).toHaveText(/^Flagged: /);
  await panel.getByLabel('Flagged sentences only').uncheck();

  // F8 from the first sentence walks the flagged ones in order; Shift+F8 from the first wraps to the last.
  await (await scrollToRow(page, 1)).getByRole('textbox').focus();
  const after1 = flagged.filter((p) => p > 1);
  for (const expected of after1.slice(0, 3)) {
    await page.keyboard.press('F8');
    await expect.poll(() => caretAt(page)).toBe(expected);
  }
  // F8 pressed three times before the caret moves goes three flagged sentences on, not to the same one thrice.
  await (await scrollToRow(page, 1)).getByRole('textbox').focus();
  await page.evaluate(() => {
    for (let k = 0; k < 3; k++) document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'F8', bubbles: true }));
  });
  await expect.poll(() => caretAt(page)).toBe(after1[2]);
  await (await scrollToRow(page, flagged[0]!)).getByRole('textbox').focus();
  await page.keyboard.press('Shift+F8');
  await expect.poll(() => caretAt(page)).toBe(flagged.at(-1));

  // A correction that clears a sentence's flags: its mark goes and the count drops, once the save lands.
  const cleared = flagged[0]!;
  const row = await scrollToRow(page, cleared);
  await row.getByRole('textbox').fill('Plain words here.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  const now = every().map((r) => r.position);
  expect(now).not.toContain(cleared);
  await expect(panel.getByTestId('flagged-count')).toHaveText(`${now.length} sentences flagged.`);
  await expect(row.getByTestId('flag-mark')).toHaveCount(0);
  // The window read the flags of the rows it showed, never every flagged sentence's.
  expect(backend.calls.get('checks.inRange')).toBeGreaterThan(0);
});

test('with only flagged sentences shown, Ctrl+Enter confirms and goes to the next flagged one still to review', async ({ page, backend }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /^Flags/ }).click();
  const panel = page.getByTestId('flags-panel');
  await expect.poll(() => backend.services.spelling.loading(1), { timeout: 60_000 }).toBe(false);
  await panel.getByLabel('Flagged sentences only').check();
  const flagged = backend.services.checks.document(1).segments.map((row) => row.position);
  await expect.poll(async () => (await shownPositions(page)).slice(0, 4)).toEqual(flagged.slice(0, 4));
  // Two flagged sentences in a row are separated by plain ones the filter hides: the press must skip those.
  const at = flagged.findIndex((p, k) => k > 0 && p - flagged[k - 1]! > 1);
  expect(at).toBeGreaterThan(0);
  await (await scrollToRow(page, flagged[at - 1]!)).getByRole('textbox').focus();
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => caretAt(page)).toBe(flagged[at]);
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => caretAt(page)).toBe(flagged[at + 1]);
  const statusAt = (position: number) => backend.services.segments.page(1, position - 1, 1).items[0]!.status;
  expect([statusAt(flagged[at - 1]!), statusAt(flagged[at]!)]).toEqual(['confirmed', 'confirmed']);
});

test('under a status filter F8 goes to the next flagged sentence it shows, never one it hides', async ({ page, backend }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
  await expect.poll(() => backend.services.spelling.loading(1), { timeout: 60_000 }).toBe(false);
  const flagged = backend.services.checks.document(1).segments.map((row) => row.position);
  // The second flagged sentence confirmed: "Not started" hides it.
  const hidden = flagged[1]!;
  const segmentAt = (position: number) => backend.services.segments.page(1, position - 1, 1).items[0]!;
  backend.services.segments.setStatus(segmentAt(hidden).id, 'confirmed');
  await page.reload();
  await page.getByRole('button', { name: /Kazakhstan/ }).first().click();
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Not started' });
  await expect.poll(async () => (await shownPositions(page)).includes(hidden)).toBe(false);
  await (await scrollToRow(page, flagged[0]!)).getByRole('textbox').focus();
  await page.keyboard.press('F8');
  await expect.poll(() => caretAt(page)).toBe(flagged[2]);
  await page.keyboard.press('Shift+F8');
  await expect.poll(() => caretAt(page)).toBe(flagged[0]);
});

test('F8 pressed before the first whole check has stored the flags says so, then goes to them once it has', async ({ page, backend }) => {
  // As in the app: the first whole check runs in its worker thread (whose start takes seconds here).
  backend.checkInBackground();
  await page.goto('/');
  const field = (position: number) => page.locator(`textarea[data-position="${position}"]`);
  await expect(field(2)).toBeVisible();
  await field(2).click();
  expect(backend.services.checks.isChecked(1)).toBe(false);
  await page.keyboard.press('F8');
  await expect(page.getByRole('status').filter({ hasText: 'The document is still being checked' })).toBeVisible();
  await expect(field(2)).toBeFocused();
  await expect.poll(() => backend.services.checks.isChecked(1), { timeout: 60_000 }).toBe(true);
  const next = backend.services.checks.nearest(1, 2, 'next');
  expect(next).not.toBeNull();
  await page.keyboard.press('F8');
  await expect(field(next!.position)).toBeFocused();
});

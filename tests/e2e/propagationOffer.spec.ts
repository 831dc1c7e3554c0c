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
  // Its dictionary built: an offer made before is reviewed first (its spelling not checked yet), not applied.
  await expect.poll(() => backend.services.spelling.loading(doc.id), { timeout: 30_000 }).toBe(false);
  return doc;
}

/**
 * The first sentence with Alma-Ata corrected (by default to Almaty) and left (by default with Tab): the offer it
 * brings, once shown.
 */
async function correctFirst(page: Page, { corrected = LINES[WITH[0]! - 1]!.replace('Alma-Ata', 'Almaty'), leave = 'Tab' } = {}) {
  const first = await scrollToRow(page, WITH[0]!);
  const field = first.getByRole('textbox');
  await field.click();
  await field.fill(corrected);
  await page.keyboard.press(leave);
  const offer = page.getByTestId('propagation-bar');
  await expect(offer).toBeVisible();
  return { field, offer };
}

test('an offer for more sentences than it read says “50+”, and reviewing it lists every one of them', async ({ page, backend }, info) => {
  const doc = await openLong(page, backend);

  const { offer } = await correctFirst(page);
  await expect(offer).toContainText('“Alma-Ata”');
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

  const { offer } = await correctFirst(page);
  await offer.getByRole('button', { name: 'Apply to 50+ more' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText(`changed ${WITH.length - 1} sentences`);
  const texts = backend.services.segments.page(doc.id, 0, 100).items.map((s) => s.currentText);
  expect(texts.filter((t) => t.includes('Almaty'))).toHaveLength(WITH.length);
});

test('the offer goes once the correction behind it is reverted, and a changed sentence keeps it no longer', async ({ page, backend }) => {
  const doc = await openLong(page, backend);

  const { field, offer } = await correctFirst(page);
  await expect(offer).toContainText('“Alma-Ata”');
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

test('the offer is taken from the keyboard: Alt+Enter applies it, the caret stays in the sentence moved to; Esc dismisses the next', async ({
  page,
  backend,
}) => {
  const doc = await openLong(page, backend);
  const first = await scrollToRow(page, WITH[0]!);
  await first.getByRole('textbox').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(LINES[WITH[0]! - 1]!.replace('Alma-Ata', 'Almaty'));
  await page.keyboard.press('Alt+ArrowDown');
  const next = page.locator(`textarea[data-position="${WITH[0]! + 1}"]`);
  await expect(next).toBeFocused();
  await expect(page.getByTestId('propagation-bar')).toContainText('“Alma-Ata”');
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByTestId('undo-bar')).toContainText(`changed ${WITH.length - 1} sentences`);
  expect(backend.services.segments.page(doc.id, 0, 100).items.filter((s) => s.currentText.includes('Almaty'))).toHaveLength(WITH.length);
  // The undo bar's own buttons took nothing from the field: typing goes on where it was.
  await expect(next).toBeFocused();
  await expect(next).toHaveValue(/Almaty/);

  // Another correction, another offer: Esc in the field sends it away and changes nothing else.
  await page.keyboard.press('Control+a');
  await page.keyboard.type(`Line ${WITH[1]} mentions Almaty.`);
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('propagation-bar')).toContainText('“names”');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('propagation-bar')).toHaveCount(0);
  expect(backend.services.segments.page(doc.id, 0, 100).items.filter((s) => s.currentText.includes('mentions'))).toHaveLength(1);
});

test('after “Apply to N more”, the undo bar’s Undo and “Restore this version”, the keyboard is back in the correction', async ({ page }) => {
  await page.goto('/');
  const field = (position: number) => page.locator(`textarea[data-position="${position}"]`);
  await field(4).click();
  const text = await field(4).inputValue();
  const at = text.indexOf('Alma-Ata');
  await field(4).evaluate((el: HTMLTextAreaElement, [a, b]: number[]) => el.setSelectionRange(a!, b!), [at, at + 'Alma-Ata'.length]);
  await page.keyboard.type('Almaty');
  await page.keyboard.press('Alt+ArrowDown');
  await page.getByTestId('propagation-bar').getByRole('button', { name: /^Apply to/ }).click();
  await expect(page.getByTestId('undo-bar')).toBeVisible();
  await expect(field(5)).toBeFocused();
  await page.getByTestId('undo-bar').getByRole('button', { name: /Undo/ }).click();
  await expect(page.getByTestId('notice')).toContainText(/Undo: Apply “Alma-Ata” → “Almaty” \(\d+ sentences?\)/);
  await expect(field(5)).toBeFocused();
  await field(4).click();
  await page.keyboard.press('Control+Alt+h');
  await page.getByTestId('history-panel').getByRole('button', { name: 'Restore this version' }).last().click();
  await expect(field(4)).toHaveValue(text);
  await expect(field(4)).toBeFocused();
});

test('Ctrl+Enter, the usual way out of a sentence, brings the offer too: the status written keeps the change', async ({ page, backend }) => {
  const doc = await openLong(page, backend);
  const { offer } = await correctFirst(page, { leave: 'Control+Enter' });
  await expect(offer).toContainText('“Alma-Ata”');
  const stored = backend.services.segments.page(doc.id, WITH[0]! - 1, 1).items[0]!;
  expect(stored).toMatchObject({ status: 'confirmed', currentText: LINES[WITH[0]! - 1]!.replace('Alma-Ata', 'Almaty') });
});

test('a deleted word is offered as a deletion, and applying it leaves no double space or stray character', async ({ page, backend }) => {
  const doc = await openLong(page, backend);
  const { offer } = await correctFirst(page, { corrected: LINES[WITH[0]! - 1]!.replace(' names', '') });
  await expect(offer).toContainText('You deleted “names”.');
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByTestId('undo-bar')).toBeVisible();
  const texts = backend.services.segments.page(doc.id, 0, 70).items.map((s) => s.currentText);
  expect(texts.filter((t) => t.includes('Alma-Ata'))).toEqual(WITH.map((n) => `Line ${n} Alma-Ata.`));
});

test('an offer whose correction the speller doubts says so, and puts reviewing first', async ({ page, backend }, info) => {
  const lines = ['The airport of the city was closed for the whole day.', 'The airport was open again in the evening.', 'Flights left the airport at night.'];
  const doc = backend.services.openSample({ fileName: 'airport.txt', title: 'Airport', text: lines.join('\n') });
  await page.goto('/');
  const title = page.getByRole('heading', { name: 'Airport' });
  if (!(await title.isVisible())) await page.getByRole('button', { name: /Airport/ }).first().click();
  await expect(title).toBeVisible();

  const first = await scrollToRow(page, 1);
  await first.getByRole('textbox').click();
  await first.getByRole('textbox').fill(lines[0]!.replace('airport', 'airpotr'));
  await page.keyboard.press('Tab');
  const offer = page.getByTestId('propagation-bar');
  await expect(offer.getByTestId('propagation-misspelt')).toHaveText('“airpotr” is not in the dictionary.');
  await expect(offer.getByRole('button', { name: 'Review 2 more…' })).toHaveClass(/button-primary/);
  await expect(offer.getByRole('button', { name: 'Apply to 2 more' })).not.toHaveClass(/button-primary/);
  await page.screenshot({ path: info.outputPath('offer-misspelt.png') });
  // Alt+Enter, which applies an offer, reviews a doubted one: one key never spreads the typo. The review says the
  // doubt again, and the keyboard starts on Cancel: Enter there applies nothing.
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('preview-warning')).toHaveText('Check before applying: “airpotr” is not in the dictionary.');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // So does the palette's command of that key, and says so: the same slip in the second sentence.
  const second = await scrollToRow(page, 2);
  await second.getByRole('textbox').click();
  await second.getByRole('textbox').fill(lines[1]!.replace('airport', 'airpotr'));
  await page.keyboard.press('Tab');
  await expect(offer.getByTestId('propagation-misspelt')).toHaveText('“airpotr” is not in the dictionary.');
  await page.keyboard.press('Control+Shift+p');
  await page.keyboard.type('apply the offered');
  await expect(page.getByRole('option', { name: /doubted: review first/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toContainText('airpotr');
  expect(backend.services.segments.page(doc.id, 2, 1).items.map((s) => s.currentText)).toEqual(lines.slice(2));
});

test('an offer that puts in a name the document usually spells otherwise says so, and puts reviewing first', async ({ page, backend }) => {
  await page.goto('/');
  const field = page.locator('textarea[data-position="4"]');
  const text = await field.inputValue();
  await field.fill(text.replace('Alma-Ata', 'Almatyy'));
  await page.keyboard.press('Tab');
  const offer = page.getByTestId('propagation-bar');
  await expect(offer.getByTestId('propagation-variant')).toHaveText(/^ “Almatyy” is also spelled “Almaty” \(\d+×\) in this document\.$/);
  await expect(offer.getByRole('button', { name: /^Review \d+ more/ })).toHaveClass(/button-primary/);
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('preview-warning')).toHaveText(/^Check before applying: “Almatyy” is also spelled “Almaty” \(\d+×\) in this document\.$/);
  // A second Enter, as after an offer that applies at once, cancels: nothing spreads.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const texts = backend.services.segments.page(backend.services.documents.list()[0]!.id, 0, 200).items.map((s) => s.currentText);
  expect(texts.filter((t) => t.includes('Almatyy'))).toHaveLength(1);
});

test('Escape in a side panel gives the keyboard back to the sentence and leaves the offer standing', async ({ page, backend }) => {
  await openLong(page, backend);
  const { offer } = await correctFirst(page);
  // Tab left the corrected sentence for the next one: that is where the editor is.
  const inHand = page.getByRole('textbox', { name: (await page.evaluate(() => document.activeElement?.getAttribute('aria-label')))!, exact: true });
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const panel = page.getByTestId('timeline-panel');
  await panel.getByRole('button', { name: 'Close timeline' }).focus();
  await page.keyboard.press('Escape');
  await expect(inHand).toBeFocused();
  await expect(offer).toBeVisible();
  // Outside the panel, Escape is the offer's.
  await page.getByRole('button', { name: 'Changes', exact: true }).focus();
  await page.keyboard.press('Escape');
  await expect(offer).toHaveCount(0);
});

test('an offer to change a short common word elsewhere says its fit depends on each sentence, and puts reviewing first', async ({ page, backend }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
  const doc = backend.services.documents.list()[0]!;
  const sentences = backend.services.segments.page(doc.id, 0, 200).items;
  const at = sentences.find((s) => s.currentText.includes(' wrote in '))!;
  const field = (await scrollToRow(page, at.position)).getByRole('textbox');
  await field.fill(at.currentText.replace(' wrote in ', ' wrote on '));
  await page.keyboard.press('Tab');
  const offer = page.getByTestId('propagation-bar');
  await expect(offer.getByTestId('propagation-context')).toHaveText(' “in” is a short, common word: whether the change fits depends on each sentence.');
  await expect(offer.getByRole('button', { name: /^Review \d+\+? more/ })).toHaveClass(/button-primary/);
  // Alt+Enter reviews it, the doubt said again, and a second Enter cancels: "in" stays "in" everywhere else.
  await page.keyboard.press('Alt+Enter');
  await expect(page.getByTestId('preview-warning')).toHaveText(/^Check before applying: “in” is a short, common word: whether the change fits depends on each sentence\./);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const after = backend.services.segments.page(doc.id, 0, 200).items;
  expect(after.filter((s) => s.id !== at.id).map((s) => s.currentText)).toEqual(sentences.filter((s) => s.id !== at.id).map((s) => s.currentText));
});

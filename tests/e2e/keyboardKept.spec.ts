import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Backend } from './support/backend';
import { expect, test } from './support/fixtures';

const FIXTURES = join(__dirname, '..', 'core', 'formats', 'fixtures');

/** Where the keyboard is: inside the named dialog, elsewhere on the page, or on the page body. */
const focusIn = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'body';
    return active.closest('[role="dialog"]')?.getAttribute('aria-label') ?? 'page';
  });

test('Tab and Shift+Tab stay inside a dialog: the library behind it cannot be reached, nor a second dialog opened', async ({ page, backend }) => {
  backend.services.documents.importText({ fileName: 'other.txt', title: 'Other', text: 'Something else.', hasBom: false });
  backend.dialogs.openPath = join(FIXTURES, 'review.csv');
  await page.goto('/');
  await page.getByRole('button', { name: 'Open file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open review.csv' });
  await expect(dialog).toBeVisible();
  for (let k = 0; k < 25; k++) {
    await page.keyboard.press('Tab');
    expect(await focusIn(page)).toBe('Open review.csv');
  }
  for (let k = 0; k < 25; k++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focusIn(page)).toBe('Open review.csv');
  }
  await expect(page.getByRole('dialog')).toHaveCount(1);
});

test('Find and replace keeps its pattern and says in place why nothing changes', async ({ page }) => {
  await page.goto('/');
  await page.locator('textarea[data-position="1"]').click();
  await page.keyboard.press('Control+h');
  const dialog = page.getByRole('dialog', { name: 'Find and replace' });
  await dialog.getByLabel('Find').fill('(Alma-(Ata');
  await dialog.getByLabel('Replace with').fill('Almaty');
  await dialog.getByLabel(/Regular expression/).check();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('replace-problem')).toContainText('The regular expression is not valid');
  await expect(dialog.getByTestId('replace-problem')).not.toContainText('(?i)');
  await expect(dialog.getByLabel('Find')).toHaveValue('(Alma-(Ata');
  await dialog.getByLabel('Find').fill('Atlantis');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('replace-problem')).toHaveText('“Atlantis” does not occur in this document.');
  await expect(dialog.getByLabel('Replace with')).toHaveValue('Almaty');
  // Replaced by itself: said as such, not as absent (it occurs).
  await dialog.getByLabel(/Regular expression/).uncheck();
  await dialog.getByLabel('Find').fill('Almaty');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('replace-problem')).toHaveText('Find and Replace are the same: nothing would change.');
  await dialog.getByLabel(/Regular expression/).check();
  // Found, the preview opens in its place.
  await dialog.getByLabel('Find').fill('Alma-Ata');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: /^Replace “Alma-Ata” → “Almaty”/ })).toBeVisible();
});

test('the Changes panel lists nothing when no origin is ticked', async ({ page }) => {
  await page.goto('/');
  await page.locator('textarea[data-position="2"]').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Indeed.');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  const panel = page.getByTestId('timeline-panel');
  await expect(panel.locator('.timeline-entry')).not.toHaveCount(0);
  for (const box of await panel.locator('.origin-filter input[type="checkbox"]').all()) await box.uncheck();
  await expect(panel.getByTestId('timeline-empty')).toHaveText('No origin is chosen: tick the kinds of change to list.');
  await expect(panel.locator('.timeline-entry')).toHaveCount(0);
  // However many of its boxes had the keyboard, Escape still finds the sentence the editor was in.
  await page.keyboard.press('Escape');
  await expect(page.locator('textarea[data-position="2"]')).toBeFocused();
});

test('Esc in a note saves it and puts the keyboard back in the sentence', async ({ page, backend }) => {
  await page.goto('/');
  await page.locator('textarea[data-position="3"]').click();
  await page.keyboard.press('Control+Alt+n');
  await expect(page.locator('textarea.note-input')).toBeFocused();
  await page.keyboard.type('Check the name');
  await page.keyboard.press('Escape');
  await expect(page.locator('textarea[data-position="3"]')).toBeFocused();
  await expect.poll(() => backend.services.segments.page(1, 2, 1).items[0]!.note).toBe('Check the name');
  // Opened again, the caret is after what it says: typing adds to it.
  await page.keyboard.press('Control+Alt+n');
  await expect(page.locator('textarea.note-input')).toBeFocused();
  await page.keyboard.type('. Client says 13.');
  await page.keyboard.press('Escape');
  await expect.poll(() => backend.services.segments.page(1, 2, 1).items[0]!.note).toBe('Check the name. Client says 13.');
});

test('a note still being typed is saved when the editor leaves the document or presses Ctrl+Alt+N again, and asked about on closing', async ({ page, backend }) => {
  const noteOf = (position: number) => backend.services.segments.page(1, position - 1, 1).items[0]!.note;
  await page.goto('/');
  // Ctrl+Alt+N again in the box: saved and closed, the keyboard back in the sentence.
  await page.locator('textarea[data-position="2"]').click();
  await page.keyboard.press('Control+Alt+n');
  await page.keyboard.type('Toggle closes it');
  await page.keyboard.press('Control+Alt+n');
  await expect(page.locator('textarea.note-input')).toHaveCount(0);
  await expect(page.locator('textarea[data-position="2"]')).toBeFocused();
  await expect.poll(() => noteOf(2)).toBe('Toggle closes it');

  // Back to the library by its shortcut, the box still open: no blur, but the note is kept.
  await page.locator('textarea[data-position="3"]').click();
  await page.keyboard.press('Control+Alt+n');
  await page.keyboard.type('Kept on leaving');
  await page.keyboard.press('Control+Shift+l');
  await expect(page.getByRole('heading', { name: 'Redline' })).toBeVisible();
  expect(noteOf(3)).toBe('Kept on leaving');

  // Window closing with a note typed: the page asks first (main turns it into the quit prompt).
  await page.getByRole('button', { name: /Kazakhstan/ }).first().click();
  await page.locator('textarea[data-position="4"]').click();
  await page.keyboard.press('Control+Alt+n');
  await page.keyboard.type('Unsaved');
  const asked = await page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(asked).toBe(true);
});

test('a document opens with the caret in its first sentence still to review, its flags listed once the editor acts', async ({ page }) => {
  await page.goto('/');
  const field = (position: number) => page.locator(`textarea[data-position="${position}"]`);
  const row = (position: number) => page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
  await expect(field(1)).toBeFocused();
  // Sentence 1 of the sample is flagged: its mark shows, its list waits until the editor acts.
  await expect(row(1).getByTestId('flag-mark')).toBeVisible();
  await expect(row(1).getByRole('list', { name: 'Flags' })).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(row(1).getByRole('list', { name: 'Flags' })).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(field(2)).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(field(3)).toBeFocused();
  // Back in the library, the keyboard is on the document just left; opened again (Enter), where the review
  // stopped, typing goes in at once.
  await page.keyboard.press('Control+Shift+l');
  await expect(page.getByRole('heading', { name: 'Redline' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Kazakhstan/ }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field(3)).toBeFocused();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Z');
  await expect(field(3)).toHaveValue(/ Z$/);
});

test('deleting a document puts the keyboard on the one now in its place', async ({ page, backend }) => {
  for (const title of ['Alpha', 'Beta', 'Gamma']) {
    backend.services.documents.importText({ fileName: `${title}.txt`, title, text: `${title} one.`, hasBom: false });
  }
  await page.goto('/');
  await expect(page.locator('.library-title')).toHaveCount(3);
  const titles = await page.locator('.library-title').allTextContents();
  const victim = titles[1]!;
  await page.getByRole('button', { name: `Delete ${victim}` }).click();
  await page.getByRole('dialog', { name: 'Delete the document?' }).getByRole('button', { name: `Delete “${victim}”` }).click();
  await expect(page.locator('.library-title')).toHaveCount(titles.length - 1);
  await expect(page.locator('.library-item').nth(1)).toBeFocused();
});

test('a click beside the alignment dialog keeps rows merged by hand, and Esc asks before discarding them', async ({ page, backend }) => {
  const mt = join(backend.dir, 'mt.txt');
  writeFileSync(mt, 'One. Two. Three.\n\nFour. Five.\n');
  writeFileSync(join(backend.dir, 'src.txt'), 'Один. Два. Три.\n\nЧетыре. Пять.\n');
  // A library with a document in it opens on the library (an empty one opens the sample).
  backend.services.documents.importText({ fileName: 'other.txt', title: 'Other', text: 'Something else.', hasBom: false });
  backend.dialogs.openPath = mt;
  await page.goto('/');
  await page.getByRole('button', { name: 'Open file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open mt.txt' });
  backend.dialogs.openPath = join(backend.dir, 'src.txt');
  await dialog.getByRole('button', { name: 'Add source text…' }).click();
  await dialog.getByRole('button', { name: 'Align…' }).click();
  const aligning = page.getByRole('dialog', { name: 'Align mt.txt with src.txt' });
  await aligning.getByRole('button', { name: 'Merge row 1 with the next' }).click();
  await page.mouse.click(5, 5);
  await expect(aligning).toBeVisible();
  let asked = '';
  page.once('dialog', (confirm) => {
    asked = confirm.message();
    void confirm.dismiss();
  });
  await page.keyboard.press('Escape');
  await expect.poll(() => asked).toContain('Discard the changes you made to this alignment?');
  await expect(aligning).toBeVisible();
});

test('the History panel compares the revisions of the sentence it shows, says which, and keeps no tick from another', async ({ page }) => {
  await page.goto('/');
  const field = (position: number) => page.locator(`textarea[data-position="${position}"]`);
  for (const position of [2, 3]) {
    await field(position).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Indeed.');
    await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  }
  await field(2).click();
  await page.keyboard.press('Control+Alt+h');
  const history = page.getByTestId('history-panel');
  await expect(history.getByTestId('revision')).toHaveCount(2);
  // Each revision is named by its place in the sentence's history, what made it and when; so is the comparison.
  await history.getByRole('checkbox', { name: /^Compare revision 2: Edit, .*\d/ }).check();
  await history.getByRole('checkbox', { name: /^Compare revision 1: Imported MT, .*\d/ }).check();
  const comparison = history.getByRole('region', { name: 'Comparison' });
  await expect(comparison.getByRole('heading')).toHaveText('Comparing revision 1 with revision 2');
  await expect(comparison).toContainText(/Imported MT, .*\d.* → Edit, .*\d/);
  // Another sentence: its own history, nothing ticked; one tick there compares nothing yet.
  await field(3).click();
  await expect(history).toContainText('History of sentence 3');
  await expect(history.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await history.getByRole('checkbox').first().check();
  await expect(history.getByRole('region', { name: 'Comparison' })).toHaveCount(0);
  // Back on sentence 2: none of its revisions is left ticked from before.
  await field(2).click();
  await expect(history).toContainText('History of sentence 2');
  await expect(history.getByRole('checkbox', { checked: true })).toHaveCount(0);
  // The document's undo of sentence 3's typing, then of sentence 2's: the history says Undo, not Restored.
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(history.getByTestId('revision')).toHaveCount(3);
  await expect(history.getByRole('checkbox', { name: /^Compare revision 3: Undo, .*\d/ })).toBeVisible();
});

test('Ctrl+Z pressed again after a document undo, or after a field’s typing is all undone, goes on undoing the document', async ({ page, backend }) => {
  await page.goto('/');
  const field = (position: number) => page.locator(`textarea[data-position="${position}"]`);
  const stored = (position: number) => backend.services.segments.page(1, position - 1, 1).items[0]!.currentText;
  await expect(field(2)).toBeVisible();
  const [second, fifth] = [stored(2), stored(5)];
  for (const position of [2, 5]) {
    await field(position).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' TYPED');
    await page.keyboard.press('Tab');
    await expect.poll(() => stored(position)).toBe(`${position === 2 ? second : fifth} TYPED`);
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await expect.poll(() => stored(5)).toBe(fifth);
  await expect(field(5)).toBeFocused();
  // The field's typing went with the document's undo: the key is the document's again.
  await page.keyboard.press('Control+z');
  await expect.poll(() => stored(2)).toBe(second);
  // Ctrl+Y in the field the undo put the caret in: it has nothing of its own to redo, so the document redoes.
  await expect(field(2)).toBeFocused();
  await page.keyboard.press('Control+y');
  await expect.poll(() => stored(2)).toBe(`${second} TYPED`);
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute('title', /^Undo: (?!Redo)/);
  await page.keyboard.press('Control+z');
  await expect.poll(() => stored(2)).toBe(second);

  // Typing undone in its field, one more Ctrl+Z there takes back the step before it (sentence 6's typing),
  // never the typing it just undid, whether the editor stayed in the sentence or came back to it.
  const [sixth, eighth] = [stored(6), stored(8)];
  for (const position of [6, 7]) {
    await field(position).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' MORE');
    await expect.poll(() => stored(position)).toMatch(/ MORE$/);
  }
  const seventh = stored(7).replace(/ MORE$/, '');
  await page.keyboard.press('Control+z');
  await expect(field(7)).toHaveValue(seventh);
  await page.keyboard.press('Control+z');
  await expect.poll(() => stored(6)).toBe(sixth);
  await expect(field(7)).toHaveValue(seventh);
  expect(stored(7)).toBe(seventh);
  // Ctrl+Y there now redoes the document's step (sentence 6), not the field's typing.
  await page.keyboard.press('Control+y');
  await expect.poll(() => stored(6)).toBe(`${sixth} MORE`);
  await expect(field(7)).toHaveValue(seventh);
  await page.keyboard.press('Control+z');
  await expect.poll(() => stored(6)).toBe(sixth);

  // Typed, left for another sentence's typing, come back to and undone in the field: the next Ctrl+Z takes back
  // the other sentence's typing, the one after it the step before.
  await field(8).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' EIGHT');
  await field(9).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' NINE');
  await expect.poll(() => stored(9)).toMatch(/ NINE$/);
  const ninth = stored(9).replace(/ NINE$/, '');
  await field(8).click();
  await page.keyboard.press('Control+z');
  await expect(field(8)).toHaveValue(eighth);
  await page.keyboard.press('Control+z');
  await expect.poll(() => stored(9)).toBe(ninth);
  expect(stored(8)).toBe(eighth);
  expect(stored(7)).toBe(seventh);

  // Typed, confirmed (Ctrl+Enter) and come back to: Ctrl+Z takes back the confirmation, the next one the typing,
  // and neither brings back what the other took.
  const statusOf = (position: number) => backend.services.segments.page(1, position - 1, 1).items[0]!.status;
  const tenth = stored(10);
  await field(10).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' TEN');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => statusOf(10)).toBe('confirmed');
  expect(stored(10)).toBe(`${tenth} TEN`);
  await field(10).click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => statusOf(10)).toBe('edited');
  await expect(field(10)).toHaveValue(`${tenth} TEN`);
  await page.keyboard.press('Control+z');
  await expect.poll(() => stored(10)).toBe(tenth);
  await expect(field(10)).toHaveValue(tenth);
  expect(statusOf(10)).not.toBe('confirmed');
});

/** The sample opened, " A" typed at the end of sentence 1 and " B" at the end of sentence 2, both saved. */
async function typedInTwo(page: Page, backend: Backend) {
  await page.goto('/');
  const field = (position: number) => page.locator(`textarea[data-position="${position}"]`);
  const stored = (position: number) => backend.services.segments.page(1, position - 1, 1).items[0]!.currentText;
  await expect(field(2)).toBeVisible();
  const [first, second] = [stored(1), stored(2)];
  await field(1).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' A');
  await field(2).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' B');
  await expect.poll(() => stored(2)).toBe(`${second} B`);
  return { field, stored, first, second };
}

test('undoing in a field and then the document, as many redos bring everything back in order', async ({ page, backend }) => {
  const { field, stored, first, second } = await typedInTwo(page, backend);
  // The field's typing, then the document's step before it (sentence 1's typing).
  await page.keyboard.press('Control+z');
  await expect(field(2)).toHaveValue(second);
  await page.keyboard.press('Control+z');
  await expect.poll(() => stored(1)).toBe(first);
  // Redone in the other order, from wherever the caret went (the undo put it in sentence 1): the document's
  // step, then the field's typing, which takes the caret back to its sentence.
  await expect(field(1)).toBeFocused();
  await page.keyboard.press('Control+y');
  await expect.poll(() => stored(1)).toBe(`${first} A`);
  await expect(field(2)).toHaveValue(second);
  // The Redo button says what Ctrl+Y now brings back, then has nothing left.
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(redo).toBeEnabled();
  await expect(redo).toHaveAttribute('title', 'Redo: typing in sentence 2 (Ctrl+Shift+Y)');
  await page.keyboard.press('Control+y');
  await expect(field(2)).toHaveValue(`${second} B`);
  await expect(field(2)).toBeFocused();
  await expect.poll(() => stored(2)).toBe(`${second} B`);
  await expect(redo).toBeDisabled();
  // And undone again in order.
  await page.keyboard.press('Control+z');
  await expect(field(2)).toHaveValue(second);
  await expect.poll(() => stored(2)).toBe(second);
  await page.keyboard.press('Control+z');
  await expect.poll(() => stored(1)).toBe(first);
});

test('Ctrl+Y pressed before the undo just asked has answered redoes that undo, not the field’s typing waiting', async ({ page, backend }) => {
  const { field, stored, first, second } = await typedInTwo(page, backend);
  // No pause between the keys: the second undo's answer is still on its way when Ctrl+Y comes.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  // The document's step came back, not the field's typing (whose redo would say so in its own notice).
  await expect(page.getByTestId('notice')).toContainText('Redo: Edit sentence 1');
  await expect.poll(() => stored(1)).toBe(`${first} A`);
  await expect(field(1)).toHaveValue(`${first} A`);
  // The field's typing still waits for its own redo, and nothing else was saved meanwhile.
  await expect(field(2)).toHaveValue(second);
  await expect.poll(() => stored(2)).toBe(second);
  await expect(page.getByRole('button', { name: 'Redo', exact: true })).toHaveAttribute('title', 'Redo: typing in sentence 2 (Ctrl+Shift+Y)');
});

test('the toolbar Redo that its last redo disables gives the keyboard back to the sentence', async ({ page, backend }) => {
  await page.goto('/');
  const field = page.locator('textarea[data-position="2"]');
  const stored = () => backend.services.segments.page(1, 1, 1).items[0]!.currentText;
  await expect(field).toBeVisible();
  const before = stored();
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' B');
  await expect.poll(stored).toBe(`${before} B`);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(stored).toBe(before);
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await redo.click();
  await expect.poll(stored).toBe(`${before} B`);
  await expect(redo).toBeDisabled();
  await expect(field).toBeFocused();
});

test('Fix all from the flags panel gives the keyboard back once its button goes with the flags it fixed', async ({ page }) => {
  await page.goto('/');
  const field = page.locator('textarea[data-position="2"]');
  await field.click();
  await page.getByRole('button', { name: /^Flags/ }).click();
  const spacing = page.getByTestId('flags-panel').locator('[data-check="spacing"]');
  await spacing.getByRole('button', { name: 'Fix all…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: /^Apply/ }).click();
  await expect(page.getByTestId('undo-bar')).toContainText('Spacing');
  await expect(spacing).toHaveCount(0);
  // Back in the sentence, not on the Flags button pressed to open the panel.
  await expect(field).toBeFocused();
});

test('while typing is not yet stored, Undo names it, as what it will take back', async ({ page, backend }) => {
  const { field, stored, first } = await typedInTwo(page, backend);
  await field(3).click();
  await page.keyboard.press('Control+End');
  // Typed and read in one go, well within the half second before the save: the counts still name sentence 2's step.
  const title = await page.evaluate(async () => {
    document.execCommand('insertText', false, ' C');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return document.querySelector('button[aria-label="Undo"]')?.getAttribute('title');
  });
  expect(title).toBe('Undo: Edit sentence 3 (Ctrl+Shift+Z)');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByTestId('notice')).toContainText('Undo: Edit sentence 3');
  await expect(field(3)).not.toHaveValue(/ C$/);
  expect(stored(1)).toBe(`${first} A`);
});

test('the toolbar’s Undo and the Edit menu’s give the keyboard back to the sentence, so Enter cannot undo again', async ({ page, backend }) => {
  const { field, stored, first, second } = await typedInTwo(page, backend);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => stored(2)).toBe(second);
  await expect(field(2)).toBeFocused();
  await page.keyboard.press('Enter');
  // The redo is answered after any undo the Enter could have asked: had it undone sentence 1's step, that step
  // would be the one redone, and sentence 2 would stay as it is.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Redo: / }).click();
  await expect.poll(() => stored(2)).toBe(`${second} B`);
  expect(stored(1)).toBe(`${first} A`);
  await expect(field(2)).toBeFocused();
});

test('a field’s undone typing waits for the redo however the document’s undo after it is asked', async ({ page, backend }) => {
  const { field, stored, first, second } = await typedInTwo(page, backend);
  await page.keyboard.press('Control+z');
  await expect.poll(() => stored(2)).toBe(second);
  // The toolbar's Undo this time, not Ctrl+Z again: sentence 1's typing is taken back all the same.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => stored(1)).toBe(first);
  await page.keyboard.press('Control+Shift+y');
  await expect.poll(() => stored(1)).toBe(`${first} A`);
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(redo).toHaveAttribute('title', 'Redo: typing in sentence 2 (Ctrl+Shift+Y)');
  await redo.click();
  await expect(field(2)).toHaveValue(`${second} B`);
  await expect.poll(() => stored(2)).toBe(`${second} B`);
});

test('the library opens with the keyboard on the document opened last, so Enter opens it', async ({ page, backend }) => {
  backend.services.documents.importText({ fileName: 'first.txt', title: 'First', text: 'One.', hasBom: false });
  backend.services.documents.importText({ fileName: 'second.txt', title: 'Second', text: 'Two.', hasBom: false });
  // Opened last: "First", opened after both were stored.
  const first = backend.services.documents.list().find((d) => d.title === 'First')!;
  await new Promise((resolve) => setTimeout(resolve, 5));
  backend.services.documents.open(first.id);
  await page.goto('/');
  const entry = page.locator('.library-item').first();
  await expect(entry).toBeFocused();
  await expect(entry.locator('.library-title')).toHaveText('First');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'First' })).toBeVisible();
});

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { segmentText } from '../../core/segmentation';
import { SAMPLE } from './support/backend';
import { expect, test } from './support/fixtures';

const SENTENCES = segmentText(SAMPLE.text).segments.map((s) => s.text);
const positionsOf = (pattern: RegExp) => SENTENCES.flatMap((text, i) => (pattern.test(text) ? [i + 1] : []));

/** The words under a custom highlight of the page (find matches, the current one, MQM annotations). */
async function highlighted(page: Page, name: string): Promise<Array<{ text: string; position: number }>> {
  return page.evaluate((highlight) => {
    const ranges = [...(CSS.highlights.get(highlight) ?? [])] as Range[];
    return ranges.map((range) => ({
      text: range.toString(),
      position: Number((range.startContainer.parentElement?.closest('[data-testid="segment-row"]') as HTMLElement | null)?.dataset.position),
    }));
  }, name);
}

/** The positions of the rows the grid holds now (rendered, in order). */
async function rowPositions(page: Page): Promise<number[]> {
  return page.locator('[data-testid="segment-row"]').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.position)));
}

test('closing the find bar gives the keyboard back to the sentence the editor was in', async ({ page }) => {
  await page.goto('/');
  const field = page.locator('textarea[data-position="3"]');
  await field.click();
  await page.keyboard.press('Control+f');
  const input = page.getByRole('textbox', { name: 'Find' });
  await expect(input).toBeFocused();
  await page.keyboard.type('Almaty');
  await input.press('Escape');
  await expect(input).toHaveCount(0);
  await expect(field).toBeFocused();
});

test('Ctrl+F finds in the grid: matches highlighted in place, “n of N” in document order, Enter/Shift+Enter/F3 step and reach rows out of view', async ({ page }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();

  await page.keyboard.press('Control+f');
  const bar = page.getByTestId('find-bar');
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('textbox', { name: 'Find' })).toBeFocused();
  await expect(page.locator('.side-panel')).toHaveCount(0); // not the all-documents search
  await page.keyboard.type('Kazakhstan');
  const where = positionsOf(/Kazakhstan/);
  const total = SENTENCES.reduce((n, text) => n + (text.match(/Kazakhstan/g)?.length ?? 0), 0) * 2; // MT and correction
  await expect(page.getByTestId('find-count')).toHaveText(`1 of ${total}`);
  // In place: the current match in sentence 1's MT, the others (in view) marked too.
  await expect.poll(() => highlighted(page, 'find-current')).toEqual([{ text: 'Kazakhstan', position: where[0] }]);
  const others = await highlighted(page, 'find-match');
  expect(others.length).toBeGreaterThan(0);
  expect(others.every((m) => m.text === 'Kazakhstan' && where.includes(m.position))).toBe(true);
  await page.screenshot({ path: info.outputPath('find-bar.png') });

  // Document order: sentence 1's MT, its correction, then the next sentence with the word.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText(`2 of ${total}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText(`3 of ${total}`);
  await expect.poll(() => highlighted(page, 'find-current')).toEqual([{ text: 'Kazakhstan', position: where[1] }]);
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByTestId('find-count')).toHaveText(`2 of ${total}`);
  // Backwards from the first wraps to the last, far out of view: its row is brought in and marked.
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.press('Shift+Enter');
  await expect(page.getByTestId('find-count')).toHaveText(`${total} of ${total}`);
  const last = where[where.length - 1]!;
  await expect(page.locator(`[data-testid="segment-row"][data-position="${last}"]`)).toBeInViewport();
  await expect.poll(() => highlighted(page, 'find-current')).toEqual([{ text: 'Kazakhstan', position: last }]);
  // F3 steps from outside the bar too.
  await page.getByTestId('segment-grid').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('F3');
  await expect(page.getByTestId('find-count')).toHaveText(`1 of ${total}`);
  await page.keyboard.press('Shift+F3');
  await expect(page.getByTestId('find-count')).toHaveText(`${total} of ${total}`);

  // A regex, and an invalid one said in words.
  const input = bar.getByRole('textbox', { name: 'Find' });
  await input.fill('Alma-?Ata|Almaty');
  await bar.getByRole('button', { name: 'Regular expression' }).click();
  const almaty = SENTENCES.reduce((n, text) => n + (text.match(/Alma-?Ata|Almaty/g)?.length ?? 0), 0) * 2;
  await expect(page.getByTestId('find-count')).toHaveText(`1 of ${almaty}`);
  await input.fill('Alma(');
  await expect(bar.getByRole('alert')).toContainText('The regular expression is not valid');
  await expect(page.getByTestId('find-count')).toHaveText('');
  await page.screenshot({ path: info.outputPath('find-invalid.png') });
  await input.press('Escape');
  await expect(bar).toHaveCount(0);
  expect(await highlighted(page, 'find-match')).toEqual([]);

  // The all-documents search keeps its own shortcut; Find is in the Edit menu and the palette.
  await page.keyboard.press('Control+Shift+f');
  await expect(page.locator('.side-panel')).toBeVisible();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByRole('menuitem', { name: /Find in the document/ }).click();
  await expect(bar).toBeVisible();
  await input.press('Escape');
  await page.keyboard.press('Control+Shift+p');
  await page.keyboard.type('find in the doc');
  await page.keyboard.press('Enter');
  await expect(bar).toBeVisible();
});

test('Find and Replace both start ignoring case; Replace over the find bar takes its words, case and regex', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
  const replace = page.getByRole('dialog', { name: 'Find and replace' });
  const matchCase = replace.getByRole('checkbox', { name: 'Match case' });

  // Opened on its own: nothing to find yet, case ignored, as the find bar starts.
  await page.keyboard.press('Control+h');
  await expect(replace).toBeVisible();
  await expect(replace.getByRole('textbox', { name: 'Find' })).toHaveValue('');
  await expect(matchCase).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(replace).toHaveCount(0);

  // Over the find bar: its query goes on, found the same way, selected to type over.
  await page.keyboard.press('Control+f');
  const bar = page.getByTestId('find-bar');
  await expect(bar.getByRole('button', { name: 'Match case' })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.type('kazakhstan');
  await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  await page.keyboard.press('Control+h');
  await expect(replace.getByRole('textbox', { name: 'Find' })).toHaveValue('kazakhstan');
  await expect(replace.getByRole('textbox', { name: 'Find' })).toBeFocused();
  expect(await replace.getByRole('textbox', { name: 'Find' }).evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, 10]);
  await expect(matchCase).not.toBeChecked();
  await expect(replace.getByRole('checkbox', { name: /Regular expression/ })).not.toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Qazaqstan');
  await page.keyboard.press('Enter');
  const n = positionsOf(/kazakhstan/i).length;
  await expect(page.getByRole('dialog', { name: `Replace “kazakhstan” → “Qazaqstan”: ${n} sentences` })).toBeVisible();
  await page.keyboard.press('Escape');

  await bar.getByRole('button', { name: 'Match case' }).click();
  await expect(page.getByTestId('find-count')).toHaveText('No matches');
  await page.keyboard.press('Control+h');
  await expect(matchCase).toBeChecked();
  await page.keyboard.press('Escape');
});

test('the text/regex row filter shows only matching rows, says what is wrong with a bad regex, and narrows the status filter', async ({ page, backend }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
  const box = page.getByRole('searchbox', { name: 'Filter rows by text' });

  await box.fill('tokayev'); // literal text, any case
  await expect.poll(() => rowPositions(page)).toEqual(positionsOf(/Tokayev/));
  await box.fill('/Alma-?Ata|Almaty/');
  await expect.poll(() => rowPositions(page)).toEqual(positionsOf(/Alma-?Ata|Almaty/));
  await box.fill('/alma-?ata/'); // a regex minds case unless it ends in /i
  await expect.poll(() => rowPositions(page)).toEqual([]);
  await box.fill('/alma-?ata/i');
  await expect.poll(() => rowPositions(page)).toEqual(positionsOf(/Alma-?Ata/));

  await box.fill('/Alma(/');
  await expect(page.getByTestId('text-filter-error')).toContainText('The regular expression is not valid');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: info.outputPath('filter-invalid.png') });
  await expect.poll(async () => (await rowPositions(page))[0]).toBe(1); // filters nothing while invalid
  // With the find bar open, the problem is said in the bar's own line, not over the bar's field.
  await page.keyboard.press('Control+f');
  const findField = page.getByRole('textbox', { name: 'Find', exact: true });
  await expect(findField).toBeFocused();
  await expect(page.getByTestId('find-bar').getByTestId('text-filter-error')).toHaveText(/^Row filter: The regular expression is not valid/);
  const [problem, fieldBox] = [await page.getByTestId('text-filter-error').boundingBox(), await findField.boundingBox()];
  expect(problem!.x + problem!.width <= fieldBox!.x || problem!.y >= fieldBox!.y + fieldBox!.height).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('find-bar')).toHaveCount(0);
  await expect(page.getByTestId('text-filter-error')).toBeVisible();

  // With the status filter: both apply.
  const tokayev = positionsOf(/Tokayev/);
  backend.services.segments.setStatus(tokayev[1]!, 'confirmed');
  await page.getByRole('combobox', { name: 'Show' }).selectOption('confirmed');
  await box.fill('Tokayev');
  await expect.poll(() => rowPositions(page)).toEqual([tokayev[1]]);
  // The correction is matched too: a word typed into a sentence makes it pass the filter once saved.
  await page.getByRole('combobox', { name: 'Show' }).selectOption('all');
  await box.fill('Qazaqstan');
  await expect.poll(() => rowPositions(page)).toEqual([]);
  await box.fill('');
  const field = page.locator('textarea[data-position="3"]');
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Qazaqstan');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await box.fill('Qazaqstan');
  await expect.poll(() => rowPositions(page)).toEqual([3]);
  await page.screenshot({ path: info.outputPath('filter.png') });
});

test('a sentence’s typing in several pauses is one document undo step (each pause still its own revision)', async ({ page, backend }) => {
  await page.goto('/');
  const field = page.locator('textarea[data-position="3"]');
  await expect(field).toBeVisible();
  const before = backend.services.segments.get(3);
  await field.click();
  await page.keyboard.press('End');
  for (const words of [' One', ' two', ' three']) {
    await page.keyboard.type(words);
    await expect(page.getByTestId('save-state')).toHaveText('All changes saved'); // a save per pause
  }
  const typed = `${before.currentText} One two three`;
  expect(backend.services.segments.get(3).currentText).toBe(typed);
  const edits = backend.services.segments.history(3).filter((r) => r.origin === 'edit');
  expect(edits.length).toBeGreaterThanOrEqual(3);

  await page.keyboard.press('Alt+ArrowDown'); // leave it
  await expect(page.locator('textarea[data-position="4"]')).toBeFocused();
  await page.keyboard.press('Control+Shift+z');
  // The label names the one sentence: no "(1 sentence)" after it.
  await expect(page.getByTestId('notice')).toContainText('Undo: Edit sentence 3');
  await expect(page.getByTestId('notice')).not.toContainText('(1 sentence)');
  await expect(field).toHaveValue(before.currentText);
  expect(backend.services.segments.get(3)).toMatchObject({ currentText: before.currentText, status: before.status });
  // One step: the next undo has nothing of sentence 3's typing left.
  expect(backend.services.batches.state(1).undo).toBeNull();
});

test('the report’s “changed sentences only” is a choice in the File menu and the export dialog', async ({ page, backend }) => {
  await page.goto('/');
  const field = page.locator('textarea[data-position="2"]');
  await expect(field).toBeVisible();
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Edited.');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const path = join(backend.dir, 'report.html');
  backend.dialogs.exportPath = path;

  // 91 sentences: the default is every sentence (one line each); the menu asks for changed ones only.
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Review report: changed sentences only…' }).click();
  await expect(page.getByTestId('notice')).toContainText('Exported the review report');
  let html = readFileSync(path, 'utf8');
  expect(html).toContain('class="unchanged-run"'); // runs of untouched sentences as one line each
  expect(html).not.toContain('class="untouched"');
  rmSync(path);

  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Review report: every sentence…' }).click();
  await expect.poll(() => existsSync(path)).toBe(true);
  html = readFileSync(path, 'utf8');
  expect(html).not.toContain('class="unchanged-run"');
  expect(html).toContain('class="untouched"');
  rmSync(path);

  // The export dialog: the report with its checkbox.
  await page.keyboard.press('Control+Shift+e');
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('The HTML review report').check();
  const only = dialog.getByLabel('Changed sentences only');
  await expect(only).not.toBeChecked();
  await only.check();
  await page.screenshot({ path: test.info().outputPath('export-dialog.png') });
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect.poll(() => existsSync(path)).toBe(true);
  expect(readFileSync(path, 'utf8')).toContain('class="unchanged-run"');
});

/** Selects `words` in a row's column (source or MT text) as a mouse drag would. */
async function selectIn(page: Page, position: number, column: 'source' | 'mt', words: string) {
  await page.evaluate(
    ({ position, column, words }) => {
      const cell = document.querySelector(`[data-testid="segment-row"][data-position="${position}"] [data-find-column="${column}"]`)!;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(words);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`“${words}” is not in sentence ${position}'s ${column}`);
    },
    { position, column, words },
  );
}

/** The box of the first occurrence of `words` in a row's column. */
async function boxOf(page: Page, position: number, column: 'source' | 'mt' | 'target', words: string) {
  return page.evaluate(
    ({ position, column, words }) => {
      const cell = document.querySelector(`[data-testid="segment-row"][data-position="${position}"] [data-find-column="${column}"]`)!;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(words);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      throw new Error(`“${words}” is not in sentence ${position}'s ${column}`);
    },
    { position, column, words },
  );
}

test('MQM annotations are drawn where they are in the MT and the correction, with category and severity on hover', async ({ page, backend }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();

  // In the MT: select the words, Ctrl+Alt+A, pick a category and severity.
  await selectIn(page, 4, 'mt', 'Alma-Ata');
  await page.keyboard.press('Control+Alt+a');
  const dialog = page.getByRole('dialog', { name: 'Tag an error in sentence 4' });
  await expect(dialog).toContainText('In the MT: “Alma-Ata”');
  await dialog.getByLabel('Category').selectOption('terminology');
  await dialog.getByLabel('Severity').selectOption('major');
  await dialog.getByRole('button', { name: 'Tag error' }).click();
  await expect(page.getByTestId('notice')).toContainText('Tagged “Alma-Ata” as Terminology (major).');
  await expect.poll(() => highlighted(page, 'mqm-major')).toEqual([{ text: 'Alma-Ata', position: 4 }]);

  // In the correction: select in the field, the space before the word too (as Ctrl+Shift+→ does), tag it minor.
  const field = page.locator('textarea[data-position="6"]');
  await field.click();
  await field.evaluate((el: HTMLTextAreaElement) => {
    const at = el.value.indexOf('authorities');
    el.setSelectionRange(at - 1, at + 'authorities'.length);
  });
  await page.keyboard.press('Control+Alt+a');
  await page.getByRole('dialog').getByLabel('Category').selectOption('accuracy.mistranslation');
  await page.getByRole('dialog').getByLabel('Severity').selectOption('minor');
  await page.getByRole('dialog').getByRole('button', { name: 'Tag error' }).click();
  await expect(page.getByTestId('notice')).toContainText('Tagged “authorities” as Accuracy · Mistranslation (minor).');
  await expect.poll(() => highlighted(page, 'mqm-minor')).toEqual([{ text: 'authorities', position: 6 }]);
  expect(backend.services.annotations.ofDocument(1).map((a) => [a.side, a.quote])).toEqual([
    ['mt', 'Alma-Ata'],
    ['target', 'authorities'],
  ]);

  // Hover: the category and severity.
  const mt = await boxOf(page, 4, 'mt', 'Alma-Ata');
  await page.mouse.move(mt.x, mt.y);
  await expect(page.getByTestId('annotation-tooltip')).toHaveText('Terminology · major');
  await page.screenshot({ path: info.outputPath('annotation-hover.png') });
  const target = await boxOf(page, 6, 'target', 'authorities');
  await page.mouse.move(target.x, target.y);
  await expect(page.getByTestId('annotation-tooltip')).toHaveText('Accuracy · Mistranslation · minor');
  await page.mouse.move(5, 300);
  await expect(page.getByTestId('annotation-tooltip')).toHaveCount(0);

  // Removed in the sentence's history: no longer drawn.
  await page.locator('textarea[data-position="4"]').focus();
  await page.keyboard.press('Control+Alt+h');
  await page.getByTestId('history-panel').getByTestId('annotation').getByRole('button', { name: 'Remove' }).click();
  await expect.poll(() => highlighted(page, 'mqm-major')).toEqual([]);
  expect(await highlighted(page, 'mqm-minor')).toEqual([{ text: 'authorities', position: 6 }]);
  // The removal says so, with Undo: the error comes back as it was, and is drawn again.
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Removed the Terminology error on “Alma-Ata”.');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => highlighted(page, 'mqm-major')).toEqual([{ text: 'Alma-Ata', position: 4 }]);
  await expect(page.getByTestId('history-panel').getByTestId('annotation')).toHaveCount(1);
  expect(backend.services.annotations.ofDocument(1).map((a) => [a.side, a.quote, a.severity])).toEqual([
    ['mt', 'Alma-Ata', 'major'],
    ['target', 'authorities', 'minor'],
  ]);
  await page.getByTestId('history-panel').getByTestId('annotation').getByRole('button', { name: 'Remove' }).click();
  await expect.poll(() => highlighted(page, 'mqm-major')).toEqual([]);

  // Words typed before the tagged ones move them: the mark follows them, never lands on other words.
  await field.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('All ');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect.poll(() => highlighted(page, 'mqm-minor')).toEqual([{ text: 'authorities', position: 6 }]);
  // The tagged words changed: no mark.
  await field.fill((await field.inputValue()).replace('authorities', 'officials'));
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect.poll(() => highlighted(page, 'mqm-minor')).toEqual([]);
});

test('a selection in the source column is tagged on the source and drawn there; find looks in the source when it is shown', async ({ page, backend }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  backend.dialogs.openPath = join(__dirname, '..', 'core', 'formats', 'fixtures', 'review.csv');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await page.getByRole('dialog', { name: 'Open review.csv' }).getByRole('button', { name: 'Open', exact: true }).click();
  const first = page.locator('[data-testid="segment-row"][data-position="1"]');
  await expect(first.getByTestId('source-text')).toHaveText('The president declared a state of emergency.');

  await selectIn(page, 1, 'source', 'state of emergency');
  await page.keyboard.press('Control+Alt+a');
  const dialog = page.getByRole('dialog', { name: 'Tag an error in sentence 1' });
  await expect(dialog).toContainText('In the source: “state of emergency”');
  await dialog.getByLabel('Category').selectOption('accuracy.omission');
  await dialog.getByLabel('Severity').selectOption('critical');
  await dialog.getByRole('button', { name: 'Tag error' }).click();
  await expect(page.getByTestId('notice')).toContainText('Tagged “state of emergency”');
  await expect.poll(() => highlighted(page, 'mqm-critical')).toEqual([{ text: 'state of emergency', position: 1 }]);
  const documentId = backend.services.documents.list().find((d) => d.fileName === 'review.csv')!.id;
  expect(backend.services.annotations.ofDocument(documentId).map((a) => [a.side, a.quote, a.severity])).toEqual([['source', 'state of emergency', 'critical']]);
  const box = await boxOf(page, 1, 'source', 'state of emergency');
  await page.mouse.move(box.x, box.y);
  await expect(page.getByTestId('annotation-tooltip')).toHaveText('Accuracy · Omission · critical');
  await page.screenshot({ path: info.outputPath('source-annotation.png') });

  await page.keyboard.press('Control+f');
  await page.keyboard.type('president');
  await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  await expect.poll(() => highlighted(page, 'find-current')).toEqual([{ text: 'president', position: 1 }]);
});

import type { Page } from '@playwright/test';
import { segmentText } from '../../core/segmentation';
import { SAMPLE } from './support/backend';
import type { Backend } from './support/backend';
import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';

const SENTENCES = segmentText(SAMPLE.text).segments.map((s) => s.text);

/** Rows wholly inside the grid's visible area. */
async function visibleRows(page: Page): Promise<number> {
  return page.getByTestId('segment-grid').evaluate((grid) => {
    const box = grid.getBoundingClientRect();
    const header = grid.querySelector('.grid-header')?.getBoundingClientRect().height ?? 0;
    return [...grid.querySelectorAll('[data-testid="segment-row"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top + header - 1 && r.bottom <= box.bottom + 1;
    }).length;
  });
}

/** Every control of the toolbar, by its accessible name, with its box. */
async function toolbarBoxes(page: Page) {
  return page.getByTestId('document-toolbar').evaluate((bar) =>
    [...bar.children].filter((child) => child.getBoundingClientRect().width > 0).map((child) => {
      const r = child.getBoundingClientRect();
      return { name: child.textContent?.replace(/\(\d+\)/, '').trim(), x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
    }),
  );
}

async function setDensity(page: Page, density: 'Compact rows' | 'Comfortable rows') {
  await page.getByRole('button', { name: 'View', exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: density }).click();
}

for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1280, height: 800 },
    { width: 1024, height: 700 },
  ]) {
    test(`dense grid and a steady toolbar at ${viewport.width}×${viewport.height}, ${scheme}`, async ({ page }, info) => {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/');
      await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();

      await setDensity(page, 'Compact rows');
      await expect(page.getByTestId('segment-grid')).toHaveAttribute('data-density', 'compact');
      const compact = await visibleRows(page);
      // A one-line row keeps its height at its first edit (the badge it gains sits where its actions were).
      const row = page.locator('[data-testid="segment-row"][data-position="6"]');
      const height = async () => Math.round((await row.boundingBox())!.height);
      const unedited = await height();
      await row.getByRole('textbox').click();
      await page.keyboard.press('End');
      for (let k = 0; k < 'help.'.length; k++) await page.keyboard.press('Backspace');
      await page.keyboard.type('aid.'); // a change no check flags, so no list of flags opens under the row
      await expect(row.getByTestId('metric-badge')).toBeVisible();
      expect(await height()).toBe(unedited);
      await page.keyboard.press('Control+Alt+r');
      await expect(row.getByTestId('metric-badge')).toHaveCount(0);
      await page.screenshot({ path: info.outputPath(`compact-${viewport.width}-${scheme}.png`) });
      await setDensity(page, 'Comfortable rows');
      await expect(page.getByTestId('segment-grid')).toHaveAttribute('data-density', 'comfortable');
      const comfortable = await visibleRows(page);
      // Comfortable rows keep their height at the first edit too.
      const comfortableUnedited = await height();
      await row.getByRole('textbox').click();
      await page.keyboard.press('End');
      for (let k = 0; k < 'help.'.length; k++) await page.keyboard.press('Backspace');
      await page.keyboard.type('aid.');
      await expect(row.getByTestId('metric-badge')).toBeVisible();
      expect(await height()).toBe(comfortableUnedited);
      await page.keyboard.press('Control+Alt+r');
      await expect(row.getByTestId('metric-badge')).toHaveCount(0);
      info.annotations.push({ type: 'visible rows', description: `compact ${compact}, comfortable ${comfortable}` });
      console.log(`${viewport.width}×${viewport.height} ${scheme}: ${compact} rows compact, ${comfortable} comfortable`);
      // The toolbar fits the window: nothing cut off at its end, nothing to slide the window sideways.
      const overflow = await page.evaluate(() => {
        const bar = document.querySelector('.document-toolbar')!;
        return { bar: bar.scrollWidth - bar.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth };
      });
      expect(overflow).toEqual({ bar: 0, page: 0 });
      // The document's title keeps a readable start (not "Ka…"), and the window's title bar has all of it.
      expect((await page.getByRole('heading', { level: 1 }).boundingBox())!.width).toBeGreaterThanOrEqual(80);
      await expect(page).toHaveTitle(/^Kazakhstan: the situation remains tense \(sample MT\) — Redline$/);
      if (viewport.width >= 1280) {
        expect(compact).toBeGreaterThanOrEqual(16);
        expect(comfortable).toBeGreaterThanOrEqual(12);
      } else {
        expect(compact).toBeGreaterThanOrEqual(12);
        expect(comfortable).toBeGreaterThanOrEqual(9);
      }

      // One row of controls, at the same places whatever panel opens or a fix-all changes.
      const before = await toolbarBoxes(page);
      // One row: every control's vertical middle is the same line.
      expect(new Set(before.map((b) => Math.round((b.y * 2 + b.height) / 4))).size).toBe(1);
      for (const panel of ['Flags', 'Metrics', 'Changes', 'Search']) {
        const button = page.getByRole('button', { name: new RegExp(`^${panel}`) });
        if (!(await button.isVisible())) continue; // below a width, it lives in the View menu only
        await button.click();
        await expect(page.locator('.side-panel')).toBeVisible();
        expect(await toolbarBoxes(page)).toEqual(before);
        await button.click();
      }
      await page.getByRole('button', { name: /^Flags/ }).click();
      await page.getByTestId('flags-panel').locator('[data-check="spacing"]').getByRole('button', { name: /Fix all/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Apply all as one step' }).click();
      await expect(page.getByTestId('undo-bar')).toBeVisible();
      expect(await toolbarBoxes(page)).toEqual(before);
      await page.screenshot({ path: info.outputPath(`fix-all-${viewport.width}-${scheme}.png`) });
    });
  }
}

/** The counters on screen, against the store's. */
async function expectCountersMatch(page: Page, backend: Backend) {
  const summary = backend.services.documents.summary(1);
  const byStatus = backend.services.documents.statusCounts(1) as Record<string, number>;
  await expect(page.locator('.status-bar .progress-text')).toContainText(`${summary.editedCount}/${summary.segmentCount} corrected`);
  const labels: Record<string, string> = { edited: 'edited', confirmed: 'confirmed', approved: 'approved', rejected: 'rejected' };
  const expected = Object.entries(labels)
    .filter(([status]) => (byStatus[status] ?? 0) > 0)
    .map(([status, label]) => `${byStatus[status]} ${label}`)
    .join(' · ');
  await expect(page.getByTestId('status-counts')).toHaveText(expected);
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
}

test('keyboard-only review of ten sentences: each correction one keystroke from the previous; counters equal the store after each kind of change', async ({
  page,
  backend,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  const field = (position: number) => page.locator(`textarea[data-position="${position}"]`);
  // Opened, the caret is in the first sentence to review: no keystroke to get there.
  await expect(field(1)).toBeFocused();
  // Type, then one keystroke to the next correction: confirm, approve, or reject with a reason.
  for (let position = 1; position <= 10; position++) {
    await page.keyboard.press('End');
    await page.keyboard.type(' ok');
    if (position === 5) {
      await page.keyboard.press('Control+Alt+j');
      const reject = page.getByRole('dialog', { name: 'Reject sentence 5' });
      await expect(reject.getByTestId('prompt-hint')).toHaveText('Enter starts a new line; Ctrl+Enter: Reject.');
      await page.keyboard.type('Wrong register');
      // Ctrl+Enter sends the reason, and the keyboard is back in the sentence.
      await page.keyboard.press('Control+Enter');
      await expect(reject).toHaveCount(0);
      await expect(field(5)).toBeFocused();
      // Rejected, and only that: the keystroke that sent the reason did not also confirm the sentence.
      await expect.poll(() => backend.services.segments.page(1, 4, 1).items[0]!.status).toBe('rejected');
      // The row says why, while it is rejected.
      const fifth = page.locator('[data-testid="segment-row"][data-position="5"]');
      await expect(fifth.getByTestId('reject-reason')).toHaveText('✗ Rejected: Wrong register');
      await expect(fifth.getByTestId('status')).toHaveAttribute('title', 'Rejected: Wrong register');
      await page.keyboard.press('Control+Enter');
      await expect(fifth.getByTestId('reject-reason')).toHaveCount(0);
    } else {
      await page.keyboard.press(position % 2 === 0 ? 'Control+Shift+Enter' : 'Control+Enter');
    }
    await expect(field(position + 1)).toBeFocused();
  }
  await expectCountersMatch(page, backend);
  expect(backend.services.documents.statusCounts(1)).toMatchObject({ confirmed: 5, approved: 5 });

  // Fix all, replace all, document undo, a propagation: the counters follow the store each time.
  await page.getByRole('button', { name: /^Flags/ }).click();
  await page.getByTestId('flags-panel').locator('[data-check="spacing"]').getByRole('button', { name: /Fix all/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Apply all as one step' }).click();
  await expect(page.getByTestId('undo-bar')).toBeVisible();
  await expectCountersMatch(page, backend);

  await page.keyboard.press('Control+h');
  await page.keyboard.type('Alma-Ata');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Almaty');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Apply all as one step' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText('Replace');
  await expectCountersMatch(page, backend);

  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('notice')).toContainText('sentence');
  // The offer to undo the replace went with the undo: it no longer says what the document is.
  await expect(page.getByTestId('undo-bar')).toHaveCount(0);
  await expectCountersMatch(page, backend);
});

test('a changed text is “corrected”, the status is “Edited”: progress, filter and metrics never use one word for both', async ({ page }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  const field = page.locator('textarea[data-position="3"]');
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Indeed.');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  // Sentence 3 is corrected and, once confirmed, no longer has the status Edited; sentence 5 has it with its MT text.
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('[data-testid="segment-row"][data-position="3"]').getByTestId('status')).toHaveAttribute('data-status', 'confirmed');
  await page.locator('textarea[data-position="5"]').focus();
  await page.keyboard.press('Control+Alt+e');
  await expect(page.locator('[data-testid="segment-row"][data-position="5"]').getByTestId('status')).toHaveAttribute('data-status', 'edited');
  await expect(page.locator('.status-bar .progress-text')).toContainText('1/91 corrected');
  await expect(page.getByTestId('status-counts')).toHaveText('1 edited · 1 confirmed');

  const show = page.getByRole('combobox', { name: 'Show' });
  const labels = await show.locator('option').allTextContents();
  expect(new Set(labels.map((label) => label.toLowerCase())).size).toBe(labels.length);
  const rows = () => page.locator('[data-testid="segment-row"]').evaluateAll((all) => all.map((row) => Number((row as HTMLElement).dataset.position)));
  await show.selectOption({ label: 'Corrected' });
  await expect.poll(rows).toEqual([3]);
  await show.selectOption({ label: 'Edited' });
  await expect.poll(rows).toEqual([5]);
  // A filter that leaves no row says so, and the way back clears both filters.
  await show.selectOption({ label: 'Empty' });
  const noRows = page.getByTestId('no-rows');
  await expect(noRows).toContainText('No sentence is empty.');
  await page.getByRole('searchbox', { name: 'Filter rows by text' }).fill('Tokayev');
  await expect(noRows).toContainText('No sentence is empty and contains “Tokayev”.');
  await page.screenshot({ path: info.outputPath('no-rows.png') });
  await noRows.getByRole('button', { name: 'Show all sentences' }).click();
  await expect(noRows).toHaveCount(0);
  // Back where the editor was: the sentence in hand, the keyboard in it.
  await expect(page.locator('textarea[data-position="5"]')).toBeFocused();
  await expect(show).toHaveValue('all');
  await expect(page.getByRole('searchbox', { name: 'Filter rows by text' })).toHaveValue('');
  await expect.poll(async () => (await rows()).length).toBeGreaterThan(5);

  await page.getByRole('button', { name: 'Metrics', exact: true }).click();
  const figures = page.locator('.figures dt');
  await expect(figures).toContainText(['Untouched', 'Lightly corrected (HTER ≤ 50 %)', 'Rewritten (HTER > 50 %)']);
  expect(await figures.allTextContents()).not.toContain('Edited');
  await page.screenshot({ path: info.outputPath('corrected-and-edited.png') });
});

test('Ctrl+Z in a correction undoes only its last typing; Ctrl+Shift+Z undoes the document step', async ({ page, backend }) => {
  await page.goto('/');
  const row = await scrollToRow(page, 3);
  const field = row.getByRole('textbox');
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Kept');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(field).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' Typo');
  // The field's own history: the last typing goes, never the whole sentence back to the MT.
  await page.keyboard.press('Control+z');
  const once = await field.inputValue();
  expect(once.startsWith(`${SENTENCES[2]} Kept`) && once.length < `${SENTENCES[2]} Kept Typo`.length).toBe(true);
  for (let i = 0; i < 5 && (await field.inputValue()) !== `${SENTENCES[2]} Kept`; i++) await page.keyboard.press('Control+z');
  await expect(field).toHaveValue(`${SENTENCES[2]} Kept`);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  const idOf = (position: number) => backend.services.segments.page(1, position - 1, 1).items[0]!.id;
  await expect.poll(() => backend.services.segments.get(idOf(3)).currentText).toBe(`${SENTENCES[2]} Kept`);
  await page.keyboard.press('Control+y');
  await expect(field).toHaveValue(/Kept\s/); // redone in the field

  // The document's undo, from the field: Ctrl+Shift+Z steps back through the stored revisions.
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  const before = backend.services.segments.get(idOf(3)).currentText;
  await page.keyboard.press('Control+Shift+z');
  // The step names its one sentence: the notice says no count after it.
  await expect(page.getByTestId('notice')).toContainText('Undo: Edit sentence 3');
  await expect(page.getByTestId('notice')).not.toContainText('(1 sentence)');
  await expect.poll(() => backend.services.segments.get(idOf(3)).currentText).not.toBe(before);
  await expect(field).toHaveValue(backend.services.segments.get(idOf(3)).currentText);
});

test('Ctrl+Z in a correction takes back a run of typing at once, as a plain text box does, and Ctrl+Y puts it back', async ({ page, backend }) => {
  await page.goto('/');
  const field = (await scrollToRow(page, 2)).getByRole('textbox');
  await field.click();
  await page.keyboard.press('Control+End');
  const before = await field.inputValue();
  // Every key redraws the live diff behind the field; the browser's own undo would take back only "x".
  await page.keyboard.type(' the quick brown fox', { delay: 30 });
  await page.keyboard.press('Control+z');
  await expect(field).toHaveValue(before);
  expect(await field.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([before.length, before.length]);
  await page.keyboard.press('Control+y');
  await expect(field).toHaveValue(`${before} the quick brown fox`);
  // A run of Backspace is one step too; what it removed comes back selected.
  for (let k = 0; k < ' fox'.length; k++) await page.keyboard.press('Backspace');
  await expect(field).toHaveValue(`${before} the quick brown`);
  await page.keyboard.press('Control+z');
  await expect(field).toHaveValue(`${before} the quick brown fox`);
  expect(await field.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(' fox');
  // What the field shows is what is stored.
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  const id = backend.services.segments.page(1, 1, 1).items[0]!.id;
  expect(backend.services.segments.get(id).currentText).toBe(`${before} the quick brown fox`);
});

test('the Changes panel says when there is nothing to list, then lists the first edit', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Changes', exact: true }).click();
  await expect(page.getByTestId('timeline-empty')).toContainText('No changes yet');
  const field = page.locator('textarea[data-position="2"]');
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Indeed, and a long tail of words that reaches well past the width of the panel.');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.locator('.side-panel .timeline-entry')).toHaveCount(1);
  await expect(page.getByTestId('timeline-empty')).toHaveCount(0);
  // The entry wraps inside the panel: its heading (the sentence it names) and its text are all in view.
  const panel = (await page.locator('.side-panel').boundingBox())!;
  const entry = (await page.locator('.side-panel .timeline-entry').boundingBox())!;
  expect(entry.x + entry.width).toBeLessThanOrEqual(panel.x + panel.width);
  await expect(page.locator('.side-panel .timeline-entry')).toContainText('sentence 2');
  // Changed since a moment after it: nothing.
  await page.getByRole('radio', { name: 'Changed since' }).click();
  await page.locator('.side-panel input[type="datetime-local"]').fill('2099-01-01T00:00');
  await expect(page.getByTestId('changes-since-empty')).toHaveText('No sentence has changed since then.');
});

test('the command palette says when no command matches, and which match but cannot run now', async ({ page }) => {
  await page.goto('/');
  await page.locator('textarea[data-position="1"]').click();
  await page.keyboard.press('Control+Shift+p');
  const palette = page.getByRole('dialog', { name: 'Commands' });
  await page.keyboard.type('undo');
  await expect(palette.getByRole('option')).toHaveCount(0);
  await expect(palette.getByTestId('palette-none')).toHaveText('No command that can run now matches “undo”:Undo — nothing to undo now');
  await palette.getByRole('combobox', { name: 'Command' }).fill('translate everything');
  await expect(palette.getByTestId('palette-none')).toHaveText('No command matches “translate everything”.');
  await palette.getByRole('combobox', { name: 'Command' }).fill('find and');
  await expect(palette.getByRole('option')).toHaveText(['Find and replace…Ctrl+H']);
  await expect(palette.getByTestId('palette-none')).toHaveText('');
  // An untouched sentence has nothing to revert, as its row's menu says too.
  await palette.getByRole('combobox', { name: 'Command' }).fill('revert the sentence');
  await expect(palette.getByTestId('palette-none')).toHaveText(
    'No command that can run now matches “revert the sentence”:Revert the sentence to the MT — the sentence already reads as its MT',
  );
});

test('the document’s undo brings the sentence it changed into view, with the caret in it', async ({ page, backend }) => {
  await page.goto('/');
  const second = page.locator('textarea[data-position="2"]');
  await second.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Indeed.');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  const far = await scrollToRow(page, 60);
  await far.getByRole('textbox').click();
  await expect(second).toHaveCount(0); // scrolled far out of the drawn rows
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('notice')).toContainText('Undo: Edit sentence 2');
  await expect(second).toBeFocused();
  await expect(second).toBeInViewport();
  expect(backend.services.segments.page(1, 1, 1).items[0]!.currentText).not.toContain('Indeed.');
});

test('the notice of an undo or redo of a replace says how many sentences it changed once', async ({ page }) => {
  await page.goto('/');
  await page.locator('textarea[data-position="1"]').click();
  await page.keyboard.press('Control+h');
  const dialog = page.getByRole('dialog', { name: 'Find and replace' });
  await dialog.getByLabel('Find').fill('Alma-Ata');
  await dialog.getByLabel('Replace with').fill('Almaty');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: /^Replace “Alma-Ata” → “Almaty”/ }).getByRole('button', { name: 'Apply all as one step' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText('Replace “Alma-Ata” → “Almaty”: changed 4 sentences.');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('notice')).toContainText('Undo: Replace “Alma-Ata” → “Almaty” (4 sentences)');
  await page.keyboard.press('Control+Shift+y');
  await expect(page.getByTestId('notice')).toContainText('Redo: Replace “Alma-Ata” → “Almaty” (4 sentences)');
});

test('text an input method composed is one undo step, and Ctrl+Z on a Russian layout is still the field’s undo', async ({ page }) => {
  await page.goto('/');
  const field = (await scrollToRow(page, 2)).getByRole('textbox');
  await field.click();
  await page.keyboard.press('Control+End');
  const before = await field.inputValue();
  // As a Japanese input method does: the reading is composed key by key, then converted and committed.
  const cdp = await page.context().newCDPSession(page);
  for (const reading of ['k', 'か', 'かn', 'かん', 'かんj', 'かんじ']) {
    await cdp.send('Input.imeSetComposition', { text: reading, selectionStart: reading.length, selectionEnd: reading.length });
  }
  await cdp.send('Input.insertText', { text: '漢字' });
  await expect(field).toHaveValue(`${before}漢字`);
  // Ctrl+Z as a Russian layout sends it: the key gives "я", its place is KeyZ.
  await field.dispatchEvent('keydown', { key: 'я', code: 'KeyZ', ctrlKey: true, bubbles: true, cancelable: true });
  await expect(field).toHaveValue(before);
});

test('Ctrl+Enter pressed five times without a pause confirms five sentences, one after the other', async ({ page, backend }) => {
  await page.goto('/');
  const field = (position: number) => page.locator(`textarea[data-position="${position}"]`);
  await field(1).click();
  // Five presses in one burst (a held key, a slow store): the caret has not reached sentence 2 when the
  // second comes.
  await page.evaluate(() => {
    for (let k = 0; k < 5; k++) {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    }
  });
  await expect(field(6)).toBeFocused();
  const statuses = backend.services.segments.page(1, 0, 7).items.map((s) => s.status);
  expect(statuses).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'not_started', 'not_started']);
});

test('Ctrl+Enter past the last sentence still to review says it goes back round, and when none is left', async ({ page, backend }) => {
  const doc = backend.services.openSample({ fileName: 'three.txt', title: 'Three', text: 'One here.\nTwo here.\nThree here.' });
  await page.goto('/');
  const title = page.getByRole('heading', { name: 'Three' });
  if (!(await title.isVisible())) await page.getByRole('button', { name: /Three/ }).first().click();
  await expect(title).toBeVisible();
  const field = (position: number) => page.locator(`textarea[data-position="${position}"]`);
  await field(3).click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('notice')).toHaveText(/Back to sentence 1: none after 3 is still to review\./);
  await expect(field(1)).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(field(2)).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('notice')).toHaveText(/Every sentence is confirmed or approved\./);
  expect(backend.services.segments.page(doc.id, 0, 3).items.map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
});

test('a control character pasted into a correction is dropped as it comes, so the sentence saves', async ({ page, backend }) => {
  await page.goto('/');
  const field = (await scrollToRow(page, 2)).getByRole('textbox');
  await field.click();
  await page.keyboard.press('Control+End');
  const before = await field.inputValue();
  // As a paste from a PDF or a terminal brings it: one insertion holding a bell and an escape.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', { text: ' copied\u0007 text\u001B' });
  await expect(field).toHaveValue(`${before} copied text`);
  await page.keyboard.type('!');
  await expect(field).toHaveValue(`${before} copied text!`);
  await expect.poll(() => backend.services.segments.page(1, 1, 1).items[0]!.currentText).toBe(`${before} copied text!`);
  await expect(page.getByTestId('save-state')).not.toContainText('Not saved');
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentText } from '../../core/segmentation';
import { SAMPLE } from './support/backend';
import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';

const SENTENCES = segmentText(SAMPLE.text).segments.map((s) => s.text);
const positionOf = (needle: string) => SENTENCES.findIndex((s) => s.includes(needle)) + 1;
const SPACING = positionOf('Kazakhstan , said the Prime Minister');
const AIRPORT = positionOf('The airport of Alma-Ata');
const ALMA_ATA = SENTENCES.map((s, i) => [s, i + 1] as const).filter(([s]) => s.includes('Alma-Ata')).map(([, p]) => p);

test('flags, a one-click fix, one correction applied everywhere, its undo — and all of it after a reload', async ({
  page,
  backend,
}) => {
  expect(ALMA_ATA).toHaveLength(4);
  await page.goto('/');

  // The flags panel lists what looks garbled in the sample.
  await page.getByRole('button', { name: /^Flags/ }).click();
  const panel = page.getByTestId('flags-panel');
  await expect(panel.getByTestId('flagged-count')).toContainText('sentences flagged');
  for (const check of ['spacing', 'resumptive-pronoun', 'lost-attribution', 'name-variants', 'joined-sentences']) {
    await expect(panel.locator(`[data-check="${check}"]`)).toBeVisible();
  }

  // One mechanical flag, fixed with its own fix.
  const spacingRow = await scrollToRow(page, SPACING);
  await spacingRow.getByRole('textbox').focus(); // the flags of the row in hand are listed in full
  const spacingFlag = spacingRow.locator('[data-testid="flag"][data-check="spacing"]').first();
  await expect(spacingFlag).toContainText('Space before');
  await spacingFlag.getByRole('button', { name: 'Apply fix' }).click();
  await expect(spacingRow.getByRole('textbox')).toHaveValue(/Kazakhstan, said the Prime Minister/);
  // The button went with its flag: the keyboard is back in the sentence, not lost to the page.
  await expect(spacingRow.getByRole('textbox')).toBeFocused();
  await expect(page.getByTestId('undo-bar')).toContainText('changed 1 sentence');

  // Correct Alma-Ata once; leaving the sentence offers the same fix for the three others.
  const airport = await scrollToRow(page, AIRPORT);
  const field = airport.getByRole('textbox');
  await field.click();
  await field.fill(SENTENCES[AIRPORT - 1]!.replace('Alma-Ata', 'Almaty'));
  await page.keyboard.press('Tab');
  const offer = page.getByTestId('propagation-bar');
  await expect(offer).toContainText('“Alma-Ata”');
  await offer.getByRole('button', { name: 'Review 3 more…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('preview-row')).toHaveCount(3);
  await expect(dialog.getByTestId('preview-row').first().locator('ins')).toContainText(['Almaty']);
  await dialog.getByRole('button', { name: 'Apply all as one step' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText('Apply “Alma-Ata” → “Almaty”: changed 3 sentences.');

  const others = ALMA_ATA.filter((p) => p !== AIRPORT);
  const idOf = (position: number) => backend.services.segments.page(1, position - 1, 1).items[0]!.id;
  for (const position of others) {
    expect(backend.services.segments.get(idOf(position)).currentText).toContain('Almaty');
  }
  const batchIds = new Set(others.map((p) => backend.services.segments.history(idOf(p)).at(-1)!.batchId));
  expect(batchIds.size).toBe(1); // one batch

  // Undo the batch as one step; the toolbar names it as the notice will, its count in words.
  await expect(page.getByTitle('Undo: Apply “Alma-Ata” → “Almaty” (3 sentences) (Ctrl+Shift+Z)')).toBeEnabled();
  await page.getByTestId('undo-bar').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('notice')).toContainText('Undo: Apply “Alma-Ata” → “Almaty” (3 sentences)');
  for (const position of others) {
    const row = await scrollToRow(page, position);
    await expect(row.getByRole('textbox')).toHaveValue(/Alma-Ata/);
  }

  // A new backend on the same file, a reload: everything is there, with its revisions.
  backend.restart();
  await page.reload();
  await page.getByRole('button', { name: /^Kazakhstan: .*sample MT/ }).click();
  await expect((await scrollToRow(page, AIRPORT)).getByRole('textbox')).toHaveValue(/Almaty/);
  await expect((await scrollToRow(page, SPACING)).getByRole('textbox')).toHaveValue(/Kazakhstan, said/);
  expect(backend.services.segments.history(idOf(SPACING)).map((r) => r.origin)).toEqual(['import', 'fix']);
  for (const position of others) {
    expect(backend.services.segments.history(idOf(position)).map((r) => r.origin)).toEqual([
      'import',
      'propagated',
      'restore',
    ]);
  }
  expect(backend.services.fixMemory.list()).toEqual([expect.objectContaining({ find: 'Alma-Ata', replace: 'Almaty' })]);
});

test('while a book’s first check runs in its worker, the window says it is checking, never that nothing looks garbled', async ({ page, backend }) => {
  backend.checkInBackground();
  backend.services.documents.importText({ fileName: 'book.txt', title: 'Book', text: Array(100).fill(SAMPLE.text).join('\n\n'), hasBom: false });
  await page.goto('/');
  await page.getByRole('button', { name: 'Book', exact: false }).first().click();
  await expect(page.getByRole('heading', { name: 'Book' })).toBeVisible();
  const status = page.getByTestId('status-flagged');
  await expect(status).toHaveText(/^⚑ checking/);
  await page.getByRole('button', { name: /^Flags/ }).click();
  await expect(page.getByTestId('flagged-count')).toHaveText(/^Checking the document/);
  // Once checked, the counts as stored.
  await expect(status).toHaveText(/^⚑ \d+ flagged$/, { timeout: 30_000 });
  await expect(page.getByTestId('flagged-count')).toHaveText(/^[\d,]+ sentences flagged\.$/);
});

test('Ignore dismisses one flag (with its twins on the same words), not its kind, and the toast takes it back', async ({ page, backend }, info) => {
  backend.services.documents.importText({ fileName: 'spaces.txt', title: 'Spaces', text: 'Hello , world and the city , the town .\n', hasBom: false });
  await page.goto('/');
  await page.getByRole('button', { name: 'Spaces', exact: false }).first().click();
  await expect(page.getByRole('heading', { name: 'Spaces' })).toBeVisible();
  const row = page.locator('[data-testid="segment-row"][data-position="1"]');
  await row.getByRole('textbox').click();
  const spacing = row.locator('[data-testid="flag"][data-check="spacing"]');
  await expect(spacing).toHaveCount(3);
  // Two flags are about ' ,', one about ' .': ignoring a ' ,' takes both of those, and leaves the other.
  await spacing.first().getByRole('button', { name: 'Ignore these 2' }).click();
  await expect(spacing).toHaveCount(1);
  await expect(spacing.first()).toContainText('.');
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('Spacing: “␣,” no longer flagged in sentence 1.');
  await notice.getByRole('button', { name: 'Undo' }).click();
  // The flags are back on the sentence, shown: the keyboard is in it again.
  await expect(spacing).toHaveCount(3);
  await expect(row.getByRole('textbox')).toBeFocused();
  await expect(spacing.last().getByRole('button', { name: 'Ignore', exact: true })).toBeVisible();

  // Once the toast is gone, the sentence still says what it ignores, and shows it all again on demand.
  await spacing.last().getByRole('button', { name: 'Ignore', exact: true }).click();
  await spacing.first().getByRole('button', { name: 'Ignore these 2' }).click();
  await expect(spacing).toHaveCount(0);
  const ignored = row.getByTestId('flags-ignored');
  await expect(ignored).toHaveText(/^3 flags ignored here/);
  await row.screenshot({ path: info.outputPath('flags-ignored.png') });
  await ignored.getByRole('button', { name: 'Show again' }).click();
  await expect(spacing).toHaveCount(3);
  await expect(ignored).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText('The ignored flags are shown again in sentence 1.');
  await expect(row.getByRole('textbox')).toBeFocused();
});

test('flagged words are underlined in the correction as the editor types: misspellings wavy, the others dotted', async ({ page, backend }) => {
  await page.goto('/');
  await expect(page.locator('textarea[data-position="1"]')).toBeVisible();
  await expect.poll(() => backend.services.spelling.loading(1), { timeout: 60_000 }).toBe(false);
  /** The words one kind of mark underlines in one row's correction. */
  const marked = async (name: 'flag-spelling' | 'flag-other', position: number) =>
    (await page.locator(`[data-testid="segment-row"][data-position="${position}"] .editor-backdrop .${name.replace('flag-', 'flag-mark-')}`).allTextContents()).sort();
  const row = await scrollToRow(page, AIRPORT);
  await expect.poll(() => marked('flag-other', AIRPORT)).toContain('Alma-Ata');
  await row.getByRole('textbox').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' The emergancy was declard.');
  await expect.poll(() => marked('flag-spelling', AIRPORT)).toEqual(['declard', 'emergancy']);
  // Corrected, each mark goes with its flag.
  await page.keyboard.press('Control+a');
  await page.keyboard.type(SENTENCES[AIRPORT - 1]!.replace('Alma-Ata', 'Almaty'));
  await expect.poll(() => marked('flag-spelling', AIRPORT)).toEqual([]);
  await expect.poll(() => marked('flag-other', AIRPORT)).not.toContain('Alma-Ata');
});

test('check settings: a kind turned off for this document goes from its flags; a dictionary word taken back', async ({ page, backend }) => {
  await page.goto('/');
  await expect(page.locator('textarea[data-position="1"]')).toBeVisible();
  backend.services.checks.addWord('akimats');
  await page.getByRole('button', { name: /^Flags/ }).click();
  const panel = page.getByTestId('flags-panel');
  await expect(panel.locator('[data-testid="check-row"][data-check="name-variants"]')).toBeVisible();
  await panel.getByRole('button', { name: 'Check settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check settings' });
  await dialog.getByRole('checkbox', { name: 'Name variants on' }).uncheck();
  await expect(dialog.getByRole('button', { name: 'Reset Name variants to the setting for all documents' })).toBeVisible();
  await expect.poll(() => backend.services.checks.settings(1)).toEqual({ 'name-variants': { enabled: false, showPossible: false } });
  expect(backend.services.checks.settings(null)).toEqual({});
  // For all documents: the document's own setting still shows as it is set there.
  await dialog.getByRole('radio', { name: /All documents/ }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Name variants on' })).toBeChecked();
  await dialog.getByRole('combobox', { name: 'Spacing severity' }).selectOption('critical');
  await expect.poll(() => backend.services.checks.settings(null)).toEqual({ spacing: { enabled: true, severity: 'critical', showPossible: false } });
  await dialog.getByRole('button', { name: 'Remove akimats' }).click();
  await expect(dialog.getByRole('button', { name: 'Remove akimats' })).toHaveCount(0);
  await expect(dialog.getByRole('heading', { name: 'Words added to the dictionary' })).toBeFocused();
  await expect.poll(() => backend.services.checks.words()).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('check-settings.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(panel.locator('[data-testid="check-row"][data-check="name-variants"]')).toHaveCount(0);
  expect(backend.services.checks.document(1).segments.flatMap((row) => row.flags).some((flag) => flag.check === 'name-variants')).toBe(false);
});

test('the fix memory keeps a replacement being typed when a box of its rule is ticked, and shows what is stored', async ({ page, backend }) => {
  const csv = join(backend.dir, 'rules.csv');
  writeFileSync(csv, 'find,replace,whole_word,case_sensitive\nAlma-Ata,Almaty,no,no\n');
  backend.services.fixMemory.importCsv(csv);
  backend.services.openSample({ fileName: 'other.txt', title: 'Other', text: 'Something else.' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Fix memory' }).click();
  const rule = page.getByTestId('memory-rule');
  const replace = rule.getByRole('textbox', { name: 'Replace with' });
  const stored = () => backend.services.fixMemory.list()[0]!;
  await replace.fill('Almaty city');
  await rule.getByRole('checkbox', { name: 'Match case' }).click();
  await expect.poll(() => stored().caseSensitive).toBe(true);
  await rule.getByRole('checkbox', { name: 'Whole words' }).click();
  await expect.poll(() => stored().wholeWord).toBe(true);
  await expect(rule.getByRole('checkbox', { name: 'Whole words' })).toBeChecked();
  // The typing outlived both saves, still unsaved until Save.
  await expect(replace).toHaveValue('Almaty city');
  expect(stored().replace).toBe('Almaty');
  await rule.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => stored().replace).toBe('Almaty city');
  await expect(rule.getByRole('button', { name: 'Save' })).toBeDisabled();
  // A change stored from elsewhere (an import) shows in a field the editor has not typed in.
  writeFileSync(csv, 'find,replace\nAlma-Ata,Almaty (Kazakhstan)\n');
  backend.dialogs.openPath = csv;
  await page.getByRole('button', { name: 'Import CSV…' }).click();
  await expect(replace).toHaveValue('Almaty (Kazakhstan)');
});

test('Enter in the glossary’s new-term row adds the term, as Add does', async ({ page, backend }) => {
  backend.services.openSample({ fileName: 'other.txt', title: 'Other', text: 'Something else.' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Glossary' }).click();
  const add = page.getByTestId('glossary-new');
  await add.getByRole('textbox', { name: 'Preferred term' }).fill('Almaty');
  await add.getByRole('textbox', { name: 'Forbidden variants' }).fill('Alma-Ata, Alma Ata');
  await add.getByRole('textbox', { name: 'Forbidden variants' }).press('Enter');
  await expect(page.getByTestId('glossary-term')).toHaveCount(1);
  await expect(add.getByRole('textbox', { name: 'Preferred term' })).toHaveValue('');
  // The keyboard stays in the row, for the next term.
  await expect(add.getByRole('textbox', { name: 'Forbidden variants' })).toBeFocused();
  await add.getByRole('textbox', { name: 'Preferred term' }).fill('Tokayev');
  await add.getByRole('textbox', { name: 'Note' }).fill('President');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('glossary-term')).toHaveCount(2);
  expect(backend.services.glossary.list().map(({ preferred, forbidden, note }) => ({ preferred, forbidden, note }))).toEqual(
    expect.arrayContaining([
      { preferred: 'Almaty', forbidden: ['Alma-Ata', 'Alma Ata'], note: '' },
      { preferred: 'Tokayev', forbidden: [], note: 'President' },
    ]),
  );
});

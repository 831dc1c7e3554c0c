import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { openFileDialog } from './support/library';

const FIXTURE = join(__dirname, '..', 'core', 'formats', 'fixtures', 'review.sdlxliff');

test('a locked Trados segment is read-only in the window, skipped by replace all, and exported as it came', async ({
  page,
  backend,
}) => {
  const dialog = await openFileDialog(page, backend, FIXTURE);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'review' })).toBeVisible();

  const row = (position: number) => page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
  // The confirmation levels as statuses: Draft is to review, Translated confirmed, ApprovedTranslation approved.
  await expect(row(1).getByTestId('status')).toHaveAttribute('data-status', 'not_started');
  await expect(row(2).getByTestId('status')).toHaveAttribute('data-status', 'confirmed');
  await expect(row(3).getByTestId('status')).toHaveAttribute('data-status', 'approved');

  // Segment 3 is locked: a lock in its gutter, its field read-only — typing changes nothing.
  await expect(row(3).getByTestId('lock-mark')).toBeVisible();
  await expect(row(1).getByTestId('lock-mark')).toHaveCount(0);
  const locked = row(3).getByRole('textbox');
  await expect(locked).toHaveAttribute('readonly', '');
  await locked.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Changed');
  await expect(locked).toHaveValue('The airport of Almaty was seized.');

  // Replace all "The " → "A " (minding case: not "the CSTO"): the preview shows the locked sentence as skipped;
  // applying says so.
  await row(1).getByRole('textbox').focus();
  await page.keyboard.press('Control+h');
  const replace = page.getByRole('dialog', { name: 'Find and replace' });
  await expect(replace).toBeVisible();
  await page.keyboard.type('The ');
  await page.keyboard.press('Tab');
  await page.keyboard.type('A ');
  await replace.getByRole('checkbox', { name: 'Match case' }).check();
  await page.keyboard.press('Enter');
  // The title counts the sentences it may change; the locked one is shown apart.
  const preview = page.getByRole('dialog', { name: 'Replace “The ” → “A ”: 2 sentences' });
  await expect(preview.getByTestId('preview-row')).toHaveCount(3);
  await expect(preview.getByTestId('preview-locked')).toHaveCount(1);
  await expect(preview.getByRole('checkbox', { name: 'Apply to sentence 3' })).toBeDisabled();
  await expect(preview).toContainText('2 of 2 chosen; 1 locked in the file, skipped');
  await preview.getByRole('button', { name: 'Apply all as one step' }).click();
  await expect(page.getByTestId('undo-bar')).toContainText('changed 2 sentences');
  await expect(row(1).getByRole('textbox')).toHaveValue('A situation in Kazakhstan remains tense .');
  await expect(locked).toHaveValue('The airport of Almaty was seized.');

  // A replace whose only sentence is locked opens no preview with nothing to apply: the dialog says why.
  await row(1).getByRole('textbox').focus();
  await page.keyboard.press('Control+h');
  await expect(replace).toBeVisible();
  await page.keyboard.type('Almaty');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Almaty City');
  await page.keyboard.press('Enter');
  await expect(replace.getByTestId('replace-problem')).toHaveText('The only sentence it would change is locked in the file.');
  await expect(page.getByRole('dialog', { name: /Replace “/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(replace).toHaveCount(0);

  // Rejecting the locked sentence is the editor's review; the file keeps its level, and the export says so.
  await locked.focus();
  await page.keyboard.press('Control+Alt+j');
  await page.getByRole('dialog', { name: 'Reject sentence 3' }).waitFor();
  await page.keyboard.type('Outdated name');
  await page.keyboard.press('Control+Enter');
  await expect(row(3).getByTestId('status')).toHaveAttribute('data-status', 'rejected');

  backend.dialogs.exportPath = join(backend.dir, 'exported.sdlxliff');
  await page.getByRole('button', { name: 'Export reviewed file…' }).click();
  await expect(page.getByTestId('notice')).toContainText('exported.sdlxliff');
  await expect(page.getByTestId('notice')).toContainText(
    'The status you gave a locked sentence is not in it (the file keeps locked segments as they came): the review report carries it.',
  );
  const original = readFileSync(FIXTURE, 'utf8');
  expect(readFileSync(backend.dialogs.exportPath, 'utf8')).toBe(
    original
      .replace('<mrk mtype="seg" mid="1">The situation', '<mrk mtype="seg" mid="1">A situation')
      .replace('<mrk mtype="seg" mid="2">The authorities', '<mrk mtype="seg" mid="2">A authorities')
      // An edit un-confirms: Translated becomes Draft (the first was Draft already).
      .replace('<sdl:seg id="2" conf="Translated"', '<sdl:seg id="2" conf="Draft"')
      // Both corrected: the MT is the translator's now, as Trados writes an edit.
      .replace(/<sdl:seg id="([12])" conf="Draft" origin="mt" origin-system="DeepL"\/>/g, '<sdl:seg id="$1" conf="Draft" origin="interactive"><sdl:prev-origin origin="mt" origin-system="DeepL"/></sdl:seg>'),
  );
});

test('a unit too long to edit here is read-only and said to be too long, not locked in the file', async ({ page, backend }) => {
  const long = `${'Almaty is calm. '.repeat(1_300)}The end.`;
  const path = join(backend.dir, 'long.xlf');
  writeFileSync(
    path,
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n' +
      '  <file original="t.txt" source-language="en" target-language="de" datatype="plaintext"><body>\n' +
      '    <trans-unit id="1"><source>Short.</source><target>Almaty is quiet.</target></trans-unit>\n' +
      `    <trans-unit id="2"><source>Long.</source><target>${long}</target></trans-unit>\n` +
      '  </body></file>\n</xliff>\n',
  );
  const dialog = await openFileDialog(page, backend, path);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'long' })).toBeVisible();

  const row = (position: number) => page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
  await expect(row(2).getByTestId('lock-mark')).toHaveAttribute('title', 'Too long to edit here: read-only');
  await expect(row(2).getByRole('textbox')).toHaveAttribute('title', 'Too long to edit here: this sentence cannot be changed');

  // Replace all "Almaty": the preview shows the long one as too long, skipped.
  await row(1).getByRole('textbox').focus();
  await page.keyboard.press('Control+h');
  const replace = page.getByRole('dialog', { name: 'Find and replace' });
  await expect(replace).toBeVisible();
  await page.keyboard.type('Almaty');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Astana');
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: /Replace “Almaty” → “Astana”/ });
  await expect(preview.getByTestId('preview-locked')).toHaveText(/too long to edit here, left as it is/);
  // Its padlock says what both reasons have in common, and the words say which.
  await expect(preview.getByTestId('preview-locked').getByRole('img')).toHaveAccessibleName('Read-only:');
  await expect(preview).toContainText('1 of 1 chosen; 1 too long to edit here, skipped');
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { expect, test } from './support/fixtures';
import { openFileDialog } from './support/library';

const RUSSIAN = 'Ситуация в Казахстане остаётся напряжённой. Власти страны обратились за помощью к ОДКБ.';

test('the detected encoding is shown, changeable before import (then said to be chosen), and kept for export', async ({ page, backend }) => {
  const file = join(backend.dir, 'novosti.txt');
  writeFileSync(file, iconv.encode(RUSSIAN, 'koi8-r'));
  const dialog = await openFileDialog(page, backend, file);
  const encoding = dialog.getByRole('combobox', { name: 'Encoding' });
  const label = dialog.locator('label', { has: page.getByRole('combobox', { name: 'Encoding', exact: true }) });
  await expect(encoding).toHaveValue('koi8-r');
  await expect(label).toHaveText(/^Encoding \((detected|guessed — check the preview)\)/);
  await expect(dialog.getByTestId('import-preview')).toHaveText(RUSSIAN);

  // Read as Windows-1251 the same bytes are mojibake; back to KOI8-R they read again. Picked by hand, the
  // encoding is said to be chosen, not detected.
  await encoding.selectOption('windows-1251');
  await expect(dialog.getByTestId('import-preview')).not.toHaveText(RUSSIAN);
  await expect(label).toHaveText(/^Encoding \(chosen\)/);
  await encoding.selectOption('koi8-r');
  await expect(dialog.getByTestId('import-preview')).toHaveText(RUSSIAN);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'novosti' })).toBeVisible();
  await expect(page.locator('[data-testid="segment-row"][data-position="1"]').getByTestId('mt-text')).toHaveText(
    'Ситуация в Казахстане остаётся напряжённой.',
  );

  // Untouched, it goes back out in KOI8-R, byte for byte.
  backend.dialogs.exportPath = join(backend.dir, 'out.txt');
  await page.getByRole('button', { name: 'Export clean text…' }).click();
  await expect(page.getByTestId('notice')).toContainText('out.txt');
  expect(readFileSync(backend.dialogs.exportPath)).toEqual(readFileSync(file));

  // Or in UTF-8, on request.
  backend.dialogs.exportPath = join(backend.dir, 'out-utf8.txt');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Export as…' }).click();
  const exporting = page.getByRole('dialog', { name: 'Export' });
  await exporting.getByLabel('In UTF-8 instead of koi8-r').check();
  await exporting.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByTestId('notice')).toContainText('out-utf8.txt');
  expect(readFileSync(backend.dialogs.exportPath, 'utf8')).toBe(RUSSIAN);
});

test('a format picked by hand is said to be chosen, and leaves a guessed encoding a guess', async ({ page, backend }) => {
  const FRENCH = 'Café crème brûlée à la carte, naïve façade.';
  const file = join(backend.dir, 'menu.txt');
  writeFileSync(file, iconv.encode(FRENCH, 'windows-1252'));
  const dialog = await openFileDialog(page, backend, file);
  const formatLabel = dialog.locator('label', { has: page.getByRole('combobox', { name: 'Format', exact: true }) });
  const encodingLabel = dialog.locator('label', { has: page.getByRole('combobox', { name: 'Encoding', exact: true }) });
  await expect(formatLabel).toHaveText(/^Format \(detected\)/);
  await expect(encodingLabel).toHaveText(/^Encoding \(guessed — check the preview\)/);

  // The format is the editor's now; the encoding is still detection's guess, not "(detected)" for sure.
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('markdown');
  await expect(formatLabel).toHaveText(/^Format \(chosen\)/);
  await expect(encodingLabel).toHaveText(/^Encoding \(guessed — check the preview\)/);
  await expect(dialog.getByRole('combobox', { name: 'Encoding' })).toHaveValue('windows-1252');
  await expect(dialog.getByTestId('import-preview')).toHaveText(FRENCH);

  // An encoding picked by hand stays picked through another change of format.
  await dialog.getByRole('combobox', { name: 'Encoding' }).selectOption('iso-8859-1');
  await expect(encodingLabel).toHaveText(/^Encoding \(chosen\)/);
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('text');
  await expect(encodingLabel).toHaveText(/^Encoding \(chosen\)/);
  await expect(dialog.getByRole('combobox', { name: 'Encoding' })).toHaveValue('iso-8859-1');
});

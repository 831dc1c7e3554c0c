import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_PATH } from './support/backend';
import { expect, test } from './support/fixtures';
import { openFileDialog } from './support/library';

const MT =
  'The situation in Kazakhstan remains tense. The authorities asked the CSTO for help.\n\n' +
  'Thirteen security officers were killed. One of them was beheaded. The airport of Almaty was seized by protesters.\n';
const SOURCE =
  'Ситуация в Казахстане остаётся напряжённой. Власти страны обратились за помощью к ОДКБ.\n\n' +
  'Погибли тринадцать силовиков, одному из них отрубили голову. Аэропорт Алматы был захвачен протестующими.\n';

test('a text and its source text are aligned, the editor fixes the alignment, and each sentence keeps its source', async ({ page, backend }) => {
  const mt = join(backend.dir, 'mt.txt');
  writeFileSync(mt, MT);
  writeFileSync(join(backend.dir, 'src.txt'), SOURCE);
  backend.services.openSample({ fileName: 'other.txt', title: 'Other', text: 'Something else.' });
  await page.goto('/');
  backend.dialogs.openPath = mt;
  await page.getByRole('button', { name: 'Open file…' }).click();
  const opening = page.getByRole('dialog', { name: 'Open mt.txt' });
  backend.dialogs.openPath = join(backend.dir, 'src.txt');
  await opening.getByRole('button', { name: 'Add source text…' }).click();
  await expect(opening.getByText('src.txt')).toBeVisible();
  await expect(opening.getByTestId('source-preview')).toContainText('Ситуация в Казахстане');
  await opening.getByRole('button', { name: 'Align…' }).click();

  const aligning = page.getByRole('dialog', { name: 'Align mt.txt with src.txt' });
  const rows = aligning.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(aligning.getByText('4 source and 5 MT sentences in 4 rows · 1 not one-to-one')).toBeVisible();
  await expect(rows.nth(2)).toHaveAccessibleName('Row 3, 1–2');

  // Merge rows 3 and 4, then split them again where the sentences really part: source after 1, MT after 2.
  await aligning.getByRole('button', { name: 'Merge row 3 with the next' }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toHaveAccessibleName('Row 3, 2–3');
  await aligning.getByRole('button', { name: 'Split row 3' }).click();
  await aligning.getByRole('button', { name: 'Cut the source after 1 sentence' }).click();
  await aligning.getByRole('button', { name: 'Cut the MT after 2 sentences' }).click();
  await aligning.getByRole('button', { name: 'Split here' }).click();
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(2)).toHaveAccessibleName('Row 3, 1–2');
  await expect(rows.nth(3)).toHaveAccessibleName('Row 4, 1–1');
  // Undo steps back through the editor's changes.
  await aligning.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(3);
  await aligning.getByRole('button', { name: 'Undo' }).click();
  await expect(aligning.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await aligning.getByRole('button', { name: 'Merge row 3 with the next' }).click();
  await aligning.getByRole('button', { name: 'Split row 3' }).click();
  await aligning.getByRole('button', { name: 'Cut the MT after 2 sentences' }).click();
  await aligning.getByRole('button', { name: 'Split here' }).click();
  await aligning.getByRole('button', { name: 'Open', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'mt' })).toBeVisible();
  const row = (position: number) => page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
  await expect(row(3).getByTestId('source-text')).toHaveText('Погибли тринадцать силовиков, одному из них отрубили голову.');
  await expect(row(3).getByTestId('mt-text')).toHaveText('Thirteen security officers were killed. One of them was beheaded.');
  await expect(row(4).getByTestId('source-text')).toHaveText('Аэропорт Алматы был захвачен протестующими.');

  // The MT file's layout is untouched: exported as is, it is the same bytes.
  backend.dialogs.exportPath = join(backend.dir, 'out.txt');
  await page.getByRole('button', { name: 'Export clean text…' }).click();
  await expect(page.getByTestId('notice')).toContainText('out.txt');
  expect(readFileSync(backend.dialogs.exportPath)).toEqual(readFileSync(mt));
});

test('a source sentence the MT omitted, split off in the alignment, is stored on its own row with an empty MT', async ({ page, backend }) => {
  const mtText = 'The situation in Kazakhstan remains tense. The airport of Almaty was seized by protesters.\n';
  const sourceText = 'Ситуация в Казахстане остаётся напряжённой. Власти страны обратились за помощью к ОДКБ. Аэропорт Алматы был захвачен протестующими.\n';
  const mt = join(backend.dir, 'omitted.txt');
  writeFileSync(mt, mtText);
  writeFileSync(join(backend.dir, 'omitted-src.txt'), sourceText);
  backend.services.openSample({ fileName: 'other.txt', title: 'Other', text: 'Something else.' });
  await page.goto('/');
  backend.dialogs.openPath = mt;
  await page.getByRole('button', { name: 'Open file…' }).click();
  const opening = page.getByRole('dialog', { name: 'Open omitted.txt' });
  backend.dialogs.openPath = join(backend.dir, 'omitted-src.txt');
  await opening.getByRole('button', { name: 'Add source text…' }).click();
  await opening.getByRole('button', { name: 'Align…' }).click();
  const aligning = page.getByRole('dialog', { name: 'Align omitted.txt with omitted-src.txt' });
  const rows = aligning.getByRole('row');
  await expect(rows.first()).toBeVisible();
  // Whatever the automatic alignment made of it, merge it into one row, then split it where the sentences part.
  while ((await rows.count()) > 1) await aligning.getByRole('button', { name: 'Merge row 1 with the next' }).click();
  await expect(rows.first()).toHaveAccessibleName('Row 1, 3–2');
  await aligning.getByRole('button', { name: 'Split row 1' }).click();
  await aligning.getByRole('button', { name: 'Cut the source after 1 sentence' }).click();
  await aligning.getByRole('button', { name: 'Cut the MT after 1 sentence' }).click();
  await aligning.getByRole('button', { name: 'Split here' }).click();
  await aligning.getByRole('button', { name: 'Split row 2' }).click();
  await aligning.getByRole('button', { name: 'Cut the source after 1 sentence' }).click();
  await aligning.getByRole('button', { name: 'Cut the MT after 0 sentences' }).click();
  await aligning.getByRole('button', { name: 'Split here' }).click();
  await expect(rows.nth(1)).toHaveAccessibleName('Row 2, 1–0');
  await expect(rows.nth(1)).toContainText('— nothing aligned —');
  await aligning.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'omitted' })).toBeVisible();

  // The store: the omitted sentence is a row of its own, the neighbours carry only their own source.
  const document = backend.services.documents.list().find((d) => d.title === 'omitted');
  const stored = backend.services.segments.page(document!.id, 0, 10).items.map((s) => [s.mtText, s.sourceText]);
  expect(stored).toEqual([
    ['The situation in Kazakhstan remains tense.', 'Ситуация в Казахстане остаётся напряжённой.'],
    ['', 'Власти страны обратились за помощью к ОДКБ.'],
    ['The airport of Almaty was seized by protesters.', 'Аэропорт Алматы был захвачен протестующими.'],
  ]);
  const row = (position: number) => page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
  await expect(row(2).getByTestId('source-text')).toHaveText('Власти страны обратились за помощью к ОДКБ.');

  // Untouched, the MT file exports as the same bytes.
  backend.dialogs.exportPath = join(backend.dir, 'omitted-out.txt');
  await page.getByRole('button', { name: 'Export clean text…' }).click();
  await expect(page.getByTestId('notice')).toContainText('omitted-out.txt');
  expect(readFileSync(backend.dialogs.exportPath)).toEqual(readFileSync(mt));
});

test('a large file imports with a progress bar; cancelled, nothing of it is stored; imported again, it opens', async ({ page, backend }) => {
  test.setTimeout(120_000);
  // The sample article 1,500 times: about 15 MB and 136,500 sentences, several seconds of storing.
  const article = readFileSync(SAMPLE_PATH, 'utf8').trim();
  const large = join(backend.dir, 'large.txt');
  writeFileSync(large, Array.from({ length: 1500 }, () => article).join('\n\n'));
  backend.services.openSample({ fileName: 'kept.txt', title: 'Kept', text: 'A document that stays.' });
  await page.goto('/');
  backend.dialogs.openPath = large;
  await page.getByRole('button', { name: 'Open file…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open large.txt' });
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();

  const bar = dialog.getByRole('progressbar', { name: 'Import progress' });
  await expect(dialog.getByTestId('import-phase')).toContainText('Storing sentences', { timeout: 20_000 });
  const before = Number(await bar.getAttribute('value'));
  await expect.poll(async () => Number(await bar.getAttribute('value'))).toBeGreaterThan(before);
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByTestId('notice')).toHaveText(/The import of large\.txt was cancelled: nothing was stored\./, { timeout: 20_000 });
  await expect(dialog).toBeHidden();
  expect(backend.services.documents.list().map((d) => d.title)).toEqual(['Kept']);
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);

  await page.getByRole('button', { name: 'Open file…' }).click();
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(bar).toBeVisible();
  await expect(page.getByRole('heading', { name: 'large', exact: true })).toBeVisible({ timeout: 60_000 });
  expect(backend.services.documents.list().map((d) => [d.title, d.segmentCount])).toEqual([['large', 136_500], ['Kept', 1]]);
});

test('a .txt that is a table, read as CSV / TSV: the columns shown are the ones imported', async ({ page, backend }) => {
  const path = join(backend.dir, 'table.txt');
  writeFileSync(path, 'id\tsource\tmt\n1\tHallo Welt.\tHello world.\n2\tGuten Tag.\tGood day.\n');
  const dialog = await openFileDialog(page, backend, path);
  await dialog.getByRole('combobox', { name: 'Format' }).selectOption('csv');
  // The new reading's columns, as detected: the MT in "mt", its source in "source".
  await expect(dialog.getByRole('combobox', { name: 'MT column' })).toHaveValue('mt');
  await expect(dialog.getByRole('combobox', { name: 'Source column' })).toHaveValue('source');
  // Chosen the other way round, they are imported so.
  await dialog.getByRole('combobox', { name: 'MT column' }).selectOption('source');
  await dialog.getByRole('combobox', { name: 'Source column' }).selectOption('mt');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'table' })).toBeVisible();
  const doc = backend.services.documents.list().find((d) => d.title === 'table')!;
  expect(backend.services.segments.page(doc.id, 0, 5).items.map((s) => [s.mtText, s.sourceText])).toEqual([
    ['Hallo Welt.', 'Hello world.'],
    ['Guten Tag.', 'Good day.'],
  ]);
});

test('a Word file picked as the source text is refused at once, not after Align…', async ({ page, backend }) => {
  const mt = join(backend.dir, 'mt.txt');
  writeFileSync(mt, MT);
  const dialog = await openFileDialog(page, backend, mt);
  backend.dialogs.openPath = join(__dirname, '..', 'core', 'formats', 'fixtures', 'parts.docx');
  await dialog.getByRole('button', { name: 'Add source text…' }).click();
  await expect(page.getByTestId('notice')).toContainText('parts.docx is read as');
  await expect(page.getByTestId('notice')).toContainText('the source text to align must be a plain text file');
  await expect(dialog.getByRole('button', { name: 'Align…' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Add source text…' })).toBeVisible();
});

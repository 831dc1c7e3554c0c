import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xliffFormat } from '../../core/formats/xliff';
import { tagChar } from '../../core/formats/types';
import { expect, test } from './support/fixtures';
import { openFileDialog } from './support/library';

const FIXTURE = join(__dirname, '..', 'core', 'formats', 'fixtures', 'article-ru-de.xlf');

test('an XLIFF 2.0 file with inline tags: corrected without breaking its tags, exported with the status', async ({
  page,
  backend,
}) => {
  const original = xliffFormat.parse(readFileSync(FIXTURE, 'utf8'), 'article-ru-de.xlf');
  const unit = original.units.find((u) => u.target.includes(tagChar(0)) && u.target.includes('Kasachstans'))!;
  const position = original.units.indexOf(unit) + 1;

  const dialog = await openFileDialog(page, backend, FIXTURE);
  await expect(dialog.getByRole('combobox', { name: 'Format' })).toHaveValue('xliff');
  await expect(dialog.getByRole('combobox', { name: 'Encoding' })).toHaveValue('utf-8');
  await expect(dialog.getByTestId('import-preview')).toContainText('xliff');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'article-ru-de' })).toBeVisible();

  const row = page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
  await expect(row.getByTestId('mt-text').getByTestId('tag')).toHaveCount(2); // <pc> opens and closes
  await expect(row.getByTestId('source-text')).toContainText('Президент');
  await expect(row.getByTestId('file-notes')).toContainText('höchstens 70 Zeichen');
  const field = row.getByRole('textbox');
  // The field draws its tags as numbered boxes too: the tag font is bundled and the CSP lets it load.
  expect(await field.evaluate((el) => document.fonts.load(`${getComputedStyle(el).fontSize} "Redline Tags"`, '\uE000').then((f) => f.length))).toBe(1);
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Backspace'); // "Tokio." → "Tokio"
  await page.keyboard.type(' im Dezember.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');

  backend.dialogs.exportPath = join(backend.dir, 'exported.xlf');
  await page.getByRole('button', { name: 'Export reviewed file…' }).click();
  await expect(page.getByTestId('notice')).toContainText('exported.xlf');

  const written = readFileSync(backend.dialogs.exportPath, 'utf8');
  expect(written).toContain('<pc id="1" dataRefStart="d1" dataRefEnd="d2">Kasachstans</pc> besuchte Tokio im Dezember.');
  const reread = xliffFormat.parse(written, 'exported.xlf');
  const corrected = reread.units.find((u) => u.key === unit.key)!;
  expect(corrected.target).toBe(`${unit.target.slice(0, -1)} im Dezember.`);
  // Typing un-confirms the translated segment: an edit not yet confirmed, which XLIFF 2.0 says as initial with
  // Redline's subState, and which reads back as edited.
  expect([corrected.state, corrected.status]).toEqual(['initial', 'edited']);
  expect(written).toContain('state="initial" subState="redline:edited"');
  // Everything else came back as it was.
  for (const other of reread.units.filter((u) => u.key !== unit.key)) {
    expect(other.target).toBe(original.units.find((u) => u.key === other.key)!.target);
  }
});

test('a sentence that lost its tags is flagged as it is typed; the export names it by number, and the flag puts the tags back', async ({
  page,
  backend,
}, info) => {
  const help = join(__dirname, '..', 'core', 'formats', 'fixtures', 'help-de.xlf');
  await (await openFileDialog(page, backend, help)).getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'help-de' })).toBeVisible();

  const row = page.locator('[data-testid="segment-row"][data-position="2"]');
  await expect(row.getByTestId('mt-text').getByTestId('tag')).toHaveCount(2);
  const field = row.getByRole('textbox');
  await field.fill('Wählen Sie eine Anzeigesprache: Englisch, Русский oder 日本語.');
  const flag = row.locator('[data-testid="flag"][data-check="tags"]');
  await expect(flag).toContainText('Tags 1 and 2 of the MT are missing');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  // The MT shows the two tags as deleted: a chip is a box the strike-through of its <del> does not reach, so it is marked itself.
  const deletedTags = row.getByTestId('mt-text').locator('del [data-testid="tag"]');
  await expect(deletedTags).toHaveCount(2);
  await expect(deletedTags.first()).toHaveCSS('text-decoration-line', 'line-through');
  await row.screenshot({ path: info.outputPath('deleted-tags.png') });

  backend.dialogs.exportPath = join(backend.dir, 'exported.xlf');
  await page.getByRole('button', { name: 'Export reviewed file…' }).click();
  await expect(page.getByTestId('notice')).toContainText('Sentence 2 lost tags 1 and 2 of its MT; restore them (the Tags flag can) before exporting.');

  await field.focus();
  await flag.getByRole('button', { name: 'Apply fix' }).click();
  await expect(field).toHaveValue(`Wählen Sie eine ${tagChar(0)}Anzeigesprache${tagChar(1)}: Englisch, Русский oder 日本語.`);
  await expect(flag).toHaveCount(0);
  await page.getByRole('button', { name: 'Export reviewed file…' }).click();
  await expect(page.getByTestId('notice')).toContainText('exported.xlf');
  expect(readFileSync(backend.dialogs.exportPath, 'utf8')).toContain('Wählen Sie eine <g id="1" ctype="bold">Anzeigesprache</g>:');
});

test('a table picks its columns and a translation memory its languages before import', async ({ page, backend }) => {
  const fixtures = join(__dirname, '..', 'core', 'formats', 'fixtures');
  backend.services.openSample({ fileName: 'other.txt', title: 'Other', text: 'Something else.' });
  await page.goto('/');

  // CSV: the detected MT column is offered; choosing another one is what gets imported.
  backend.dialogs.openPath = join(fixtures, 'review.csv');
  await page.getByRole('button', { name: 'Open file…' }).click();
  const csv = page.getByRole('dialog', { name: 'Open review.csv' });
  await expect(csv.getByRole('combobox', { name: 'MT column' })).toHaveValue('MT');
  await expect(csv.getByRole('combobox', { name: 'Source column' })).toHaveValue('Source');
  await csv.getByRole('combobox', { name: 'MT column' }).selectOption('Source');
  await csv.getByRole('combobox', { name: 'Source column' }).selectOption('MT');
  await csv.getByRole('button', { name: 'Open', exact: true }).click();
  const first = page.locator('[data-testid="segment-row"][data-position="1"]');
  await expect(first.getByTestId('mt-text')).toHaveText('The president declared a state of emergency.');
  await expect(first.getByTestId('source-text')).toHaveText('Президент объявил режим ЧП.');

  // TMX: the two languages are chosen.
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  backend.dialogs.openPath = join(fixtures, 'memory.tmx');
  await page.getByRole('button', { name: 'Open file…' }).click();
  const tmx = page.getByRole('dialog', { name: 'Open memory.tmx' });
  await tmx.getByRole('combobox', { name: 'Source language' }).selectOption('en-US');
  await tmx.getByRole('combobox', { name: 'Language to review' }).selectOption('de-DE');
  await tmx.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'memory' })).toBeVisible();
  await expect(first.getByTestId('mt-text')).toBeVisible();
  const texts = await page.getByTestId('mt-text').allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.join(' ')).not.toMatch(/[а-я]/);
  expect(texts.join(' ')).toMatch(/[a-zäöüß]/i);
});

test('a Trados SDLXLIFF opens by its segments, a missing target copied from the source on request, and exports with the edit in its <mrk>', async ({
  page,
  backend,
}) => {
  const file = join(__dirname, '..', 'core', 'formats', 'fixtures', 'review.sdlxliff');
  const dialog = await openFileDialog(page, backend, file);
  await expect(dialog.getByRole('combobox', { name: 'Format' })).toHaveValue('sdlxliff');
  await dialog.getByRole('combobox', { name: 'Units without a translation' }).selectOption('source');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'review' })).toBeVisible();

  const row = (position: number) => page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
  await expect(row(1).getByTestId('file-notes')).toContainText('Trados: Draft, machine translation (DeepL)');
  await expect(row(3).getByTestId('file-notes')).toContainText('100 % match, locked');
  await expect(row(4).getByTestId('mt-text')).toHaveText('Погибли тринадцать силовиков.'); // the source, copied in

  const field = row(1).getByRole('textbox');
  await field.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace'); // "tense ." → "tense"
  await page.keyboard.type('.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');

  backend.dialogs.exportPath = join(backend.dir, 'exported.sdlxliff');
  await page.getByRole('button', { name: 'Export reviewed file…' }).click();
  await expect(page.getByTestId('notice')).toContainText('exported.sdlxliff');
  const original = readFileSync(file, 'utf8');
  expect(readFileSync(backend.dialogs.exportPath, 'utf8')).toBe(
    original
      .replace('<mrk mtype="seg" mid="1">The situation in Kazakhstan remains tense .</mrk>', '<mrk mtype="seg" mid="1">The situation in Kazakhstan remains tense.</mrk>')
      // Corrected, the MT is the translator's now, as Trados writes an edit.
      .replace('<sdl:seg id="1" conf="Draft" origin="mt" origin-system="DeepL"/>', '<sdl:seg id="1" conf="Draft" origin="interactive"><sdl:prev-origin origin="mt" origin-system="DeepL"/></sdl:seg>'),
  );
});

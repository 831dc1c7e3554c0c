import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from './support/fixtures';
import { openFileDialog } from './support/library';

const FIXTURE = join(__dirname, '..', 'core', 'formats', 'fixtures', 'textboxes.docx');
const DOCUMENT = 'word/document.xml';
const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)[DOCUMENT]!);

test('a Word text box is reviewed like any sentence, and a sentence keeps its line break through an edit in the window', async ({
  page,
  backend,
}) => {
  const dialog = await openFileDialog(page, backend, FIXTURE);
  await expect(dialog.getByRole('combobox', { name: 'Format' })).toHaveValue('docx');
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'textboxes' })).toBeVisible();

  const row = (position: number) => page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
  // Sentence 4 spans a line break inside bold words; sentence 5 is in a text box (offered once).
  const broken = row(4).getByRole('textbox');
  await expect(broken).toHaveValue(/closed\non Monday/);
  await expect(row(5).getByTestId('file-notes')).toHaveText('Text box');
  await expect(page.locator('[data-testid="segment-row"]', { hasText: 'untill' })).toHaveCount(1);

  await broken.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('!');
  await expect(broken).toHaveValue(/closed\non Monday.* for the national holiday!$/);
  await row(5).getByRole('textbox').fill('Almaty airport is closed until Friday.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');

  backend.dialogs.exportPath = join(backend.dir, 'exported.docx');
  await page.getByRole('button', { name: 'Export Word document…' }).click();
  await expect(page.getByTestId('notice')).toContainText(`Exported the reviewed Word document to ${backend.dialogs.exportPath}`);
  const before = documentXml(new Uint8Array(readFileSync(FIXTURE)));
  const after = documentXml(new Uint8Array(readFileSync(backend.dialogs.exportPath)));
  // The line break is still a <w:br/> in the bold run; the box's edit is in both of its copies.
  expect(after).toContain('<w:rPr><w:b/></w:rPr><w:t>closed</w:t><w:br/><w:t>on Monday</w:t></w:r>');
  expect(after).toContain('<w:t xml:space="preserve"> for the national holiday!</w:t>');
  expect(after.split('<w:br/>').length).toBe(before.split('<w:br/>').length);
  expect(after).not.toContain('untill');
  expect(after.split('closed until Friday.').length - 1).toBe(2);
});

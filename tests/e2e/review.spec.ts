import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentText } from '../../core/segmentation';
import { SAMPLE } from './support/backend';
import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';

const SENTENCES = segmentText(SAMPLE.text).segments.map((s) => s.text);

test('a review by keyboard only: confirm, edit, undo and redo, replace, restore from history, annotate, report — then reload', async ({
  page,
  backend,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('segment-grid')).toBeVisible();
  const field = (position: number) => page.locator(`textarea[data-position="${position}"]`);

  // Opened, the caret is in the first sentence; confirm three with Ctrl+Enter, each moving on to the next unconfirmed one.
  await expect(field(1)).toBeFocused();
  // Nothing done yet, yet Undo always asks (unsaved typing would be saved first and undone): told, not an error.
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByRole('status').filter({ hasText: 'There is nothing to undo.' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(field(1)).toBeFocused();
  for (const next of [2, 3, 4]) {
    await page.keyboard.press('Control+Enter');
    await expect(field(next)).toBeFocused();
  }
  await expect(page.getByTestId('status-counts')).toHaveText('3 confirmed');

  // Edit sentence 4, then undo and redo the edit.
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Indeed.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  await page.keyboard.press('Control+Shift+z');
  await expect(field(4)).toHaveValue(SENTENCES[3]!);
  await page.keyboard.press('Control+Shift+y');
  await expect(field(4)).toHaveValue(`${SENTENCES[3]} Indeed.`);

  // Replace Alma-Ata by Almaty: the preview shows 4 changes, applied as one step.
  await page.keyboard.press('Control+h');
  const replace = page.getByRole('dialog', { name: 'Find and replace' });
  await expect(replace).toBeVisible();
  await page.keyboard.type('Alma-Ata');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Almaty');
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: /Replace “Alma-Ata” → “Almaty”/ });
  await expect(preview.getByTestId('preview-row')).toHaveCount(4);
  await expect(preview.getByRole('button', { name: 'Apply all as one step' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('undo-bar')).toContainText('changed 4 sentences');

  // Sentence 4 (now with Almaty and the edit): its history, and the MT version restored.
  await expect(field(4)).toHaveValue(/Almaty/);
  await field(4).focus();
  await page.keyboard.press('Control+Alt+h');
  const history = page.getByTestId('history-panel');
  await expect(history.getByTestId('revision')).toHaveCount(5); // import, edit, undo, redo, replace
  await history.getByTestId('revision').last().getByRole('checkbox').focus();
  await page.keyboard.press('Tab'); // the first revision (the MT) is last in the list, its restore button follows
  await history.getByRole('button', { name: 'Restore this version' }).last().press('Enter');
  await expect(field(4)).toHaveValue(SENTENCES[3]!);

  // Tag an error: select a word in sentence 5 with the keyboard, Ctrl+Alt+A, Enter.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(field(5)).toBeFocused();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Shift+Control+ArrowRight');
  await page.keyboard.press('Control+Alt+a');
  await expect(page.getByRole('dialog', { name: /Tag an error/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toContainText('Tagged');

  // Export the HTML report and read it.
  backend.dialogs.exportPath = join(backend.dir, 'report.html');
  await page.getByRole('button', { name: 'File', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Review report…' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toContainText('report.html');
  const html = readFileSync(backend.dialogs.exportPath, 'utf8');
  expect(html).toContain('<!DOCTYPE html>');
  expect(html).toContain('Almaty');
  expect(html).toMatch(/Confirmed/);
  expect(html).toMatch(/Accuracy · Mistranslation|accuracy\.mistranslation/);
  expect(html).not.toContain('<script');

  // Reload on a new backend: all of it is there.
  backend.restart();
  await page.reload();
  await page.getByRole('button', { name: /^Kazakhstan: .*sample MT/ }).click();
  // Three replaced sentences are edited; the three confirmed ones stayed confirmed.
  await expect(page.getByTestId('status-counts')).toHaveText('3 edited · 3 confirmed');
  await expect((await scrollToRow(page, 4)).getByRole('textbox')).toHaveValue(SENTENCES[3]!);
  const elsewhere = SENTENCES.findIndex((s) => s.includes('situation has developed in Alma-Ata')) + 1;
  await expect((await scrollToRow(page, elsewhere)).getByRole('textbox')).toHaveValue(/Almaty/);
  const idOf = (position: number) => backend.services.segments.page(1, position - 1, 1).items[0]!.id;
  expect(backend.services.segments.history(idOf(4)).map((r) => r.origin)).toEqual([
    'import',
    'edit',
    'restore',
    'restore',
    'replace',
    'restore',
  ]);
  expect(backend.services.annotations.ofSegment(idOf(5))).toHaveLength(1);
});

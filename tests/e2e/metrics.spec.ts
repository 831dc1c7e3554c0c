import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../cli/run';
import { segmentText } from '../../core/segmentation';
import { SAMPLE } from './support/backend';
import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';
import { openFileDialog } from './support/library';

const MT = 'President Kassym-Jomart Tokayev in the afternoon of January 5, he made a television address to citizens.';
const FIXED = 'On the afternoon of January 5, President Kassym-Jomart Tokayev made a television address to citizens.';
const POSITION = segmentText(SAMPLE.text).segments.findIndex((s) => s.text === MT) + 1;

/** Runs the real CLI in-process and parses its JSON. */
function cliJson(args: string[], env: Record<string, string> = {}): unknown {
  let out = '';
  let err = '';
  const code = runCli([...args, '--json'], { out: (t) => (out += t), err: (t) => (err += t), env });
  expect(code, err).toBe(0);
  return JSON.parse(out);
}

test('the row diff and badge follow the typing; the metrics panel agrees with `cli metrics`', async ({ page, backend }) => {
  await page.goto('/');
  const row = await scrollToRow(page, POSITION);
  await expect(row.getByTestId('metric-badge')).toHaveCount(0);

  await row.getByRole('textbox').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace'); // drop the final stop: a one-word change
  await expect(row.getByTestId('metric-badge')).toBeVisible();
  const afterOneKey = await row.getByTestId('metric-badge').textContent();

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(FIXED);
  await expect(row.getByTestId('mt-text').locator('del').first()).toBeVisible();
  await expect(row.getByTestId('correction-diff').locator('ins').first()).toBeVisible();
  await expect(row.getByTestId('metric-badge')).not.toHaveText(afterOneKey ?? '');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');

  // The same pair through the CLI, from files, one segment a line.
  const mtFile = join(backend.dir, 'mt.txt');
  const peFile = join(backend.dir, 'pe.txt');
  writeFileSync(mtFile, `${MT}\n`);
  writeFileSync(peFile, `${FIXED}\n`);
  const fromFiles = cliJson(['metrics', mtFile, peFile]) as { segments: Array<{ ter: number; charEditRate: number }> };
  const expected = fromFiles.segments[0]!;
  await expect(row.getByTestId('metric-badge')).toContainText(expected.ter.toFixed(1));

  await page.getByRole('button', { name: 'Metrics' }).click();
  const panel = page.getByTestId('metrics-panel');
  await expect(panel.getByRole('heading', { name: `This sentence (${POSITION})` })).toBeVisible();
  await expect(panel.getByTestId('sentence-hter')).toHaveText(`${expected.ter.toFixed(2)} %`);

  // The document's HTER in the panel is the stored document's, as the CLI measures it.
  const stored = cliJson(['metrics', '1'], { REDLINE_DATA_DIR: backend.dir }) as { corpus: { ter: number } };
  await expect(panel.getByTestId('document-hter')).toHaveText(`${stored.corpus.ter.toFixed(2)} %`);

  // The time and keystrokes spent were stored with the revision.
  const segment = backend.services.segments.page(1, POSITION - 1, 1).items[0]!;
  expect(segment.keystrokes).toBeGreaterThan(FIXED.length);
  expect(segment.editMs).toBeGreaterThan(0);
  // All saved, the sentence's figures are the stored ones: time in the row since goes with its next edit, if any.
  const keystrokes = panel.locator('.figure').filter({ hasText: 'Keystrokes' });
  await expect(keystrokes.first()).toContainText(segment.keystrokes.toLocaleString('en-US'));

  // The MQM pass mark is set by Enter as by leaving the field.
  const threshold = panel.getByRole('spinbutton', { name: 'Pass threshold' });
  await threshold.fill('99.5');
  await threshold.press('Enter');
  await expect.poll(() => backend.services.annotations.summary(1).threshold).toBe(99.5);
});

test('both diff views show the fix, and the chosen view is remembered', async ({ page }) => {
  await page.goto('/');
  const row = await scrollToRow(page, 4);
  const field = row.getByRole('textbox');
  await field.fill((await field.inputValue()).replace('Alma-Ata', 'Almaty'));
  await expect(row.getByTestId('mt-text').locator('del')).toHaveText(['Alma-Ata']);
  await expect(row.getByTestId('correction-diff').locator('ins')).toHaveText(['Almaty']);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');

  await page.getByRole('button', { name: 'View', exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Inline' }).click();
  const inline = (await scrollToRow(page, 4)).getByTestId('inline-diff');
  await expect(inline.locator('del')).toHaveText(['Alma-Ata']);
  await expect(inline.locator('ins')).toHaveText(['Almaty']);

  await page.reload();
  await page.getByRole('button', { name: /^Kazakhstan: .*sample MT/ }).click();
  await page.getByRole('button', { name: 'View', exact: true }).click();
  await expect(page.getByRole('menuitemcheckbox', { name: 'Inline' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  // Focusing the inline text opens the editor in place.
  const again = await scrollToRow(page, 4);
  await again.getByTestId('inline-diff').focus();
  await expect(again.getByRole('textbox')).toBeFocused();
  await expect(again.getByRole('textbox')).toHaveValue(/Almaty/);
  // Moving by keyboard opens the next sentence's editor, as in the side-by-side view.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('textbox', { name: 'Correction of sentence 5' })).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByRole('textbox', { name: 'Correction of sentence 4' })).toBeFocused();
  // The find bar takes the keyboard (the row closes its editor); closed, it gives it back to the same row.
  await page.keyboard.press('Control+f');
  await page.getByRole('textbox', { name: 'Find' }).press('Escape');
  await expect(page.getByRole('textbox', { name: 'Correction of sentence 4' })).toBeFocused();
});

test('with other TER options the document is measured in the background, and measured again after a save', async ({ page, backend }) => {
  backend.measureInWorker();
  await page.goto('/');
  const row = await scrollToRow(page, POSITION);
  await row.getByRole('textbox').fill(MT.toUpperCase());
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');

  await page.getByRole('button', { name: 'Metrics' }).click();
  const panel = page.getByTestId('metrics-panel');
  const hter = (options: { caseSensitive?: boolean }) => `${backend.services.metrics.recompute(1, options).ter.toFixed(2)} %`;
  await expect(panel.getByTestId('document-hter')).toHaveText(hter({}));
  expect(hter({ caseSensitive: false })).toBe('0.00 %');

  // The worker compiles its source as it starts (seconds on a loaded machine): the panel answers meanwhile.
  await panel.getByRole('checkbox', { name: 'Case-sensitive' }).uncheck();
  await expect(panel.getByTestId('document-hter')).toHaveText('0.00 %', { timeout: 30_000 });
  await expect(panel.getByTestId('metrics-progress')).toHaveCount(0);

  // A save changes the document: measured again with the same options, the save in it.
  const other = await scrollToRow(page, 4);
  await other.getByRole('textbox').fill('Something typed anew.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  const after = hter({ caseSensitive: false });
  expect(after).not.toBe('0.00 %');
  await expect(panel.getByTestId('document-hter')).toHaveText(after, { timeout: 30_000 });
});

test('a unit without MT is translated, not post-edited: no HTER of its own, counted apart in the panel', async ({ page, backend }) => {
  const path = join(backend.dir, 'partly.xlf');
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="partly.txt" source-language="ru" target-language="en" datatype="plaintext"><body>
<trans-unit id="1"><source>Алматы — крупнейший город.</source><target>Almaty is the largest city , of the country.</target></trans-unit>
<trans-unit id="2"><source>Аэропорт захвачен.</source><target></target></trans-unit>
<trans-unit id="3"><source>Протестующие ушли.</source><target></target></trans-unit>
</body></file></xliff>
`,
  );
  const dialog = await openFileDialog(page, backend, path);
  await dialog.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'partly' })).toBeVisible();
  const row = (position: number) => page.locator(`[data-testid="segment-row"][data-position="${position}"]`);

  await row(1).getByRole('textbox').fill('Almaty is the largest city of the country.');
  await row(2).getByRole('textbox').click();
  await page.keyboard.type('The airport was seized.');
  await page.getByRole('button', { name: 'Metrics' }).click();
  const panel = page.getByTestId('metrics-panel');
  await expect(panel.getByTestId('sentence-hter')).toHaveText('– (no MT)');
  // In the row: no MT drawn, the translation drawn as written (not as one insertion), no HTER badge.
  await expect(row(2).getByTestId('no-mt-badge')).toBeVisible();
  await expect(row(2).getByTestId('metric-badge')).toHaveCount(0);
  await expect(row(2).getByTestId('correction-diff').locator('ins')).toHaveCount(0);
  await expect(row(2).getByTestId('mt-text')).toHaveText('');
  await expect(row(1).getByTestId('metric-badge')).toBeVisible();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  // The document's HTER is the one post-edited sentence's; the translated unit is counted apart.
  await expect(panel.getByTestId('document-without-mt')).toHaveText('1 of 2 · 5 words');
  const stored = backend.services.metrics.document(2);
  expect(stored.rewritten).toBe(0);
  await expect(panel.getByTestId('document-hter')).toHaveText(`${stored.ter.toFixed(2)} %`);
  expect(stored.ter).toBeLessThan(20);
  await page.screenshot({ path: test.info().outputPath('without-mt.png') });

  // The status bar counts the unit still to translate; the Empty filter shows it, and nothing once it is translated.
  await expect(page.getByTestId('status-empty')).toHaveText('1 empty');
  await panel.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('combobox', { name: 'Show' }).selectOption('empty');
  const shown = () => page.locator('[data-testid="segment-row"]').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.position)));
  await expect.poll(shown).toEqual([3]);
  await row(3).getByRole('textbox').click();
  await page.keyboard.type('They left.');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  await expect(row(3).getByRole('textbox')).toBeFocused();
  expect(backend.services.segments.positions(2, { empty: true })).toEqual([]);
  await expect(page.getByTestId('status-empty')).toHaveCount(0);
  // The row in hand stays shown while the editor is in it; all rows shown and the filter chosen again, it is
  // what it is.
  await page.getByRole('combobox', { name: 'Show' }).selectOption('all');
  await expect.poll(shown).toEqual([1, 2, 3]);
  await page.getByRole('combobox', { name: 'Show' }).selectOption('empty');
  await expect.poll(shown).toEqual([]);
});

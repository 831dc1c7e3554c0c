import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xliffFormat } from '../../core/formats/xliff';
import { expect, test } from './support/fixtures';
import { openFileDialog } from './support/library';

const FIXTURE = join(__dirname, '..', 'core', 'formats', 'fixtures', 'states-1.2.xlf');

test('an XLIFF unit reset to not started in the window is exported as not started, and reads back so (issue 13)', async ({
  page,
  backend,
}) => {
  await (await openFileDialog(page, backend, FIXTURE)).getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'states-1.2' })).toBeVisible();

  const row = (position: number) => page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
  // Unit "translated" (3) came confirmed; reset it. Unit "new" (1) came not started; confirm it.
  await expect(row(3).getByTestId('status')).toHaveAttribute('data-status', 'confirmed');
  await row(3).getByRole('textbox').focus();
  await page.keyboard.press('Control+Alt+0');
  await expect(row(3).getByTestId('status')).toHaveAttribute('data-status', 'not_started');
  await row(1).getByRole('textbox').focus();
  await page.keyboard.press('Control+Enter');
  await expect(row(1).getByTestId('status')).toHaveAttribute('data-status', 'confirmed');

  backend.dialogs.exportPath = join(backend.dir, 'exported.xlf');
  await page.getByRole('button', { name: 'Export reviewed file…' }).click();
  await expect(page.getByTestId('notice')).toContainText('exported.xlf');

  const original = readFileSync(FIXTURE, 'utf8');
  const written = readFileSync(backend.dialogs.exportPath, 'utf8');
  // Exactly those two states changed; every other byte as it came.
  expect(written).toBe(
    original
      .replace('<target state="new">The authorities', '<target state="translated">The authorities')
      .replace('<target state="translated">Banks', '<target state="needs-review-translation">Banks'),
  );
  const reread = xliffFormat.parse(written, 'exported.xlf');
  expect(reread.units.slice(0, 3).map((u) => [u.key, u.status ?? 'not_started'])).toEqual([
    ['new', 'confirmed'],
    ['review', 'not_started'],
    ['translated', 'not_started'],
  ]);
});

test('keys typed right after Ctrl+Enter go into the next sentence, not the one just confirmed', async ({ page, backend }) => {
  await page.goto('/');
  const field = (position: number) => page.locator(`textarea[data-position="${position}"]`);
  const stored = (position: number) => backend.services.segments.page(1, position - 1, 1).items[0]!;
  await expect(field(6)).toBeVisible();
  const [fifth, sixth] = [stored(5).currentText, stored(6).currentText];
  await field(5).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' fast');
  // The store answers twice before the caret moves (the status, then the next sentence): typed at once, meanwhile.
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('Zu');
  await expect(field(6)).toBeFocused();
  await expect(field(6)).toHaveValue(/Zu/);
  await expect(field(6)).toHaveValue(new RegExp(`^(Zu)?${sixth.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(Zu)?$`));
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
  expect(stored(5).currentText).toBe(`${fifth} fast`);
  expect(stored(5).status).toBe('confirmed');
  await expect(field(5)).toHaveValue(`${fifth} fast`);
  expect(stored(6).currentText).toMatch(/Zu/);
  // Its two keystrokes are the sixth sentence's effort, held on the way or not.
  expect(stored(6).keystrokes).toBe(2);
});

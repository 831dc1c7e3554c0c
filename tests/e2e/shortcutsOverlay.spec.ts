import { expect, test } from './support/fixtures';

test('the shortcuts list (F1) keeps the key badges to the keys, the other keys said in plain text beside the description', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
  await page.keyboard.press('F1');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  const undo = dialog.locator('.shortcut', { hasText: 'Undo the last change' });
  await undo.scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: info.outputPath('shortcuts.png') });
  await expect(undo.locator('kbd')).toHaveText('Ctrl+Shift+Z');
  await expect(undo.locator('dd')).toContainText('Ctrl+Z too, outside a field or in one with no typing of its own to undo');
  // Every badge is keys alone, on one line.
  const badges = await dialog.locator('kbd').evaluateAll((all) =>
    all.map((k) => ({ text: k.textContent ?? '', lines: Math.round(k.getBoundingClientRect().height / parseFloat(getComputedStyle(k).lineHeight || '16')) })),
  );
  for (const { text, lines } of badges) {
    expect(text, text).not.toMatch(/[()]/);
    expect(lines, text).toBeLessThanOrEqual(1);
  }
});

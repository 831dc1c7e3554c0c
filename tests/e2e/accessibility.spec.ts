import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const MT =
  'The situation in Kazakhstan remains tense. The authorities asked the CSTO for help.\n\n' +
  'Thirteen security officers were killed. One of them was beheaded. The airport of Almaty was seized by protesters.\n';
const SOURCE =
  'Ситуация в Казахстане остаётся напряжённой. Власти страны обратились за помощью к ОДКБ.\n\n' +
  'Погибли тринадцать силовиков, одному из них отрубили голову. Аэропорт Алматы был захвачен протестующими.\n';

/** Every axe violation on the page, of any impact, as one readable line each. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) => `${v.impact} ${v.id} ×${v.nodes.length}: ${v.nodes[0]!.target.join(' ')} — ${v.nodes[0]!.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
  );
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on any screen, ${scheme}`, async ({ page, backend }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/');
    await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
    const found: Record<string, string[]> = {};

    // The document, with an edit (diff marks and a badge) and the flags of the active row.
    const field = page.locator('textarea[data-position="2"]');
    await field.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Indeed');
    await page.locator('textarea[data-position="1"]').click();
    await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
    found['document'] = await violations(page);
    for (const panel of ['Flags', 'Metrics', 'Changes', 'Search']) {
      await page.getByRole('button', { name: new RegExp(`^${panel}`) }).click();
      await expect(page.locator('.side-panel')).toBeVisible();
      found[`document + ${panel}`] = await violations(page);
    }
    await page.locator('textarea[data-position="1"]').focus();
    await page.keyboard.press('Control+Alt+h');
    await expect(page.getByTestId('history-panel')).toBeVisible();
    found['document + History'] = await violations(page);

    // Find in the grid (matches and the current one marked) and the row filter saying a regex is invalid.
    await page.locator('textarea[data-position="1"]').focus();
    await page.keyboard.press('Control+f');
    await page.keyboard.type('the');
    await expect(page.getByTestId('find-count')).toContainText(' of ');
    await page.getByRole('searchbox', { name: 'Filter rows by text' }).fill('/Kazakh(/');
    await expect(page.getByTestId('text-filter-error')).toBeVisible();
    found['document + find + invalid filter'] = await violations(page);
    await page.getByRole('searchbox', { name: 'Filter rows by text' }).fill('');
    await page.getByRole('textbox', { name: 'Find' }).press('Escape');

    // A fix-all preview.
    await page.getByRole('button', { name: /^Flags/ }).click();
    await page.getByTestId('flags-panel').locator('[data-check="spacing"]').getByRole('button', { name: /Fix all/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    found['fix-all preview'] = await violations(page);
    await page.keyboard.press('Escape');

    // The report, as the editor opens it.
    backend.dialogs.exportPath = join(backend.dir, 'report.html');
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Review report…' }).click();
    await expect(page.getByTestId('notice')).toContainText('report.html');
    const report = await page.context().newPage();
    await report.emulateMedia({ colorScheme: scheme });
    await report.setContent(readFileSync(backend.dialogs.exportPath, 'utf8'));
    found['report'] = await violations(report);
    await report.close();

    // The library, the import dialog and the alignment.
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Open file…' })).toBeVisible();
    found['library'] = await violations(page);
    const mt = join(backend.dir, 'mt.txt');
    writeFileSync(mt, MT);
    writeFileSync(join(backend.dir, 'src.txt'), SOURCE);
    backend.dialogs.openPath = mt;
    await page.getByRole('button', { name: 'Open file…' }).click();
    const opening = page.getByRole('dialog', { name: 'Open mt.txt' });
    await expect(opening).toBeVisible();
    found['import'] = await violations(page);
    backend.dialogs.openPath = join(backend.dir, 'src.txt');
    await opening.getByRole('button', { name: 'Add source text…' }).click();
    await opening.getByRole('button', { name: 'Align…' }).click();
    await expect(page.getByRole('dialog', { name: 'Align mt.txt with src.txt' })).toBeVisible();
    found['alignment'] = await violations(page);

    expect(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length > 0))).toEqual({});
  });
}

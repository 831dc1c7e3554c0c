import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';

const COUNT = 12_000;

test('a long day of scrolling through a book keeps a bounded window of rows: pages left long ago are read again when scrolled back to', async ({
  page,
  backend,
}) => {
  test.setTimeout(120_000);
  const text = Array.from({ length: COUNT }, (_, i) => `Satz ${i + 1} steht hier.`).join('\n');
  backend.services.openSample({ fileName: 'book.txt', title: 'Book', text });
  await page.goto('/');
  const title = page.getByRole('heading', { name: 'Book' });
  if (!(await title.isVisible())) await page.getByRole('button', { name: /Book/ }).first().click();
  await expect(title).toBeVisible();
  const grid = page.getByTestId('segment-grid');
  await expect(grid.locator('[data-testid="segment-row"]').first()).toBeVisible();

  const shown = () =>
    grid.locator('[data-testid="segment-row"]').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.position)));

  // 120 screens far apart, from the top down, each on pages of its own: more pages than the window holds.
  const screens = 120;
  let first: { top: number; rows: number[] } | null = null;
  for (let k = 1; k <= screens; k++) {
    const top = await grid.evaluate((el, at) => {
      el.scrollTo(0, el.scrollHeight * at);
      return el.scrollTop;
    }, k / (screens + 1));
    await expect(grid.locator('.row-loading')).toHaveCount(0);
    first ??= { top, rows: await shown() };
  }
  const reads = () => backend.calls.get('segments.page') ?? 0;
  const before = reads();
  // The first screen scrolled to was let go: shown again (straight there, nothing read on the way), its rows
  // are read again, with their texts.
  await grid.evaluate((el, top) => el.scrollTo(0, top), first!.top);
  await expect(grid.locator('.row-loading')).toHaveCount(0);
  const row = first!.rows[Math.floor(first!.rows.length / 2)]!;
  await expect.poll(shown).toContain(row);
  expect(reads()).toBeGreaterThan(before);
  await expect((await scrollToRow(page, row)).getByRole('textbox')).toHaveValue(`Satz ${row} steht hier.`);
});

import type { Page } from '@playwright/test';
import type { Backend } from './support/backend';
import { expect, test } from './support/fixtures';
import { positionsInView, scrollToRow } from './support/grid';

const COUNT = 12_000;

/** The book of `text`, stored and open in the window. */
async function openBook(page: Page, backend: Backend, text: string): Promise<void> {
  backend.services.openSample({ fileName: 'book.txt', title: 'Book', text });
  await page.goto('/');
  const title = page.getByRole('heading', { name: 'Book' });
  if (!(await title.isVisible())) await page.getByRole('button', { name: /Book/ }).first().click();
  await expect(title).toBeVisible();
}
const PAGE = 50;

test('a long day of scrolling through a book keeps a bounded window of rows: pages left long ago are read again when scrolled back to', async ({
  page,
  backend,
}) => {
  test.setTimeout(120_000);
  const text = Array.from({ length: COUNT }, (_, i) => `Satz ${i + 1} steht hier.`).join('\n');
  await openBook(page, backend, text);
  const grid = page.getByTestId('segment-grid');
  await expect(grid.locator('[data-testid="segment-row"]').first()).toBeVisible();

  // The positions of the rows in the grid's view once it has drawn them where it is scrolled to: rows drawn
  // before a scroll are out of view after it, and a row still loading has no position.
  const drawnInView = async (): Promise<number[]> => {
    let rows: number[] = [];
    await expect(async () => {
      rows = await positionsInView(grid, '[data-testid="segment-row"], .row-loading');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((position) => position > 0)).toBe(true);
    }).toPass({ timeout: 10_000 });
    return rows;
  };

  // 120 screens far apart, from the top down, each on pages of its own: more pages than the window holds.
  const screens = 120;
  let first: { top: number; rows: number[] } | null = null;
  for (let k = 1; k <= screens; k++) {
    const top = await grid.evaluate((el, at) => {
      el.scrollTo(0, el.scrollHeight * at);
      return el.scrollTop;
    }, k / (screens + 1));
    const rows = await drawnInView();
    first ??= { top, rows };
  }
  const row = first!.rows[Math.floor(first!.rows.length / 2)]!;
  const pageOf = Math.floor((row - 1) / PAGE) * PAGE;
  const readsOfItsPage = () => backend.pagesRead.filter((offset) => offset === pageOf).length;
  expect(row).toBeGreaterThan(PAGE); // not on the first page, which is always held
  expect(readsOfItsPage()).toBe(1);

  // Straight back to the first screen (nothing read on the way): its page was let go, so it is read again.
  await grid.evaluate((el, top) => el.scrollTo(0, top), first!.top);
  await expect.poll(drawnInView).toContain(row);
  expect(readsOfItsPage()).toBe(2);
  await expect((await scrollToRow(page, row)).getByRole('textbox')).toHaveValue(`Satz ${row} steht hier.`);
});

test('moving down row by row (Alt+↓) and back up, the row moved to is whole on screen, clear of the column header', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('/');
  await page.locator('textarea[data-position="1"]').click();
  const placement = () =>
    page.evaluate(() => {
      const row = document.activeElement!.closest('[data-testid="segment-row"]')!.getBoundingClientRect();
      const grid = document.querySelector('[data-testid="segment-grid"]')!.getBoundingClientRect();
      const header = document.querySelector('.grid-header')!.getBoundingClientRect();
      return { below: Math.round(row.bottom - grid.bottom), under: Math.round(header.bottom - row.top) };
    });
  // Every step waits for the grid to settle: a far row is scrolled to again once measured.
  const settled = async () => {
    let last = '';
    await expect.poll(async () => {
      const now = JSON.stringify(await placement());
      const same = now === last;
      last = now;
      return same;
    }).toBe(true);
    return JSON.parse(last) as { below: number; under: number };
  };
  for (let step = 0; step < 24; step++) {
    await page.keyboard.press('Alt+ArrowDown');
    expect((await settled()).below, `sentence ${step + 2}: pixels below the grid`).toBeLessThanOrEqual(0);
  }
  for (let step = 0; step < 20; step++) {
    await page.keyboard.press('Alt+ArrowUp');
    expect((await settled()).under, `pixels under the column header`).toBeLessThanOrEqual(0);
  }
});

test('a five-digit sentence number is whole in its gutter, beside its status and flag mark', async ({ page, backend }) => {
  // Every 10th sentence runs two sentences together at "…": a flag mark in the gutter.
  const text = Array.from({ length: COUNT }, (_, i) => (i % 10 === 9 ? `Satz ${i + 1} steht hier … und da.` : `Satz ${i + 1} steht hier.`)).join('\n');
  await openBook(page, backend, text);
  const row = await scrollToRow(page, 11990);
  await row.getByRole('textbox').click();
  await page.keyboard.type(' Ja');
  const number = row.locator('.row-number');
  await expect(number).toHaveText('11990');
  // Nothing of it lies left of the gutter's box or under the row's coloured edge.
  const box = await row.evaluate((el) => {
    const n = el.querySelector('.row-number')!.getBoundingClientRect();
    const gutter = el.querySelector('.row-gutter')!.getBoundingClientRect();
    return { left: Math.round(n.left - gutter.left), right: Math.round(gutter.right - n.right) };
  });
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeGreaterThanOrEqual(0);
});

test('scrolling up by the wheel through rows still loading moves the rows in view by the wheel’s step, never more', async ({ page, backend }) => {
  test.setTimeout(120_000);
  // Rows of unequal heights (every 50th runs to several lines), so a row's height is not its estimate.
  const text = Array.from({ length: COUNT }, (_, i) =>
    i % 50 === 7 ? `Satz ${i + 1} steht hier, ${'und er ist wirklich sehr lang und hört nicht auf, '.repeat(8)}Ende.` : `Satz ${i + 1} steht hier.`,
  ).join('\n');
  await openBook(page, backend, text);
  const grid = page.getByTestId('segment-grid');
  await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight * 0.6));
  await expect(grid.locator('.row-loading')).toHaveCount(0);
  await page.mouse.move(640, 400);
  const jumps: string[] = [];
  for (let step = 0; step < 40; step++) {
    const before = await grid.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const row = [...el.querySelectorAll<HTMLElement>('[data-testid="segment-row"]')].find((r) => r.getBoundingClientRect().top > box.top + 100)!;
      return { position: row.dataset.position!, top: row.getBoundingClientRect().top };
    });
    await page.mouse.wheel(0, -100);
    // Until the pages scrolled into have come and their rows are measured.
    await expect(grid.locator('.row-loading')).toHaveCount(0);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const top = await grid.locator(`[data-testid="segment-row"][data-position="${before.position}"]`).evaluate((row) => row.getBoundingClientRect().top);
    if (Math.abs(top - before.top - 100) > 3) jumps.push(`sentence ${before.position} moved ${Math.round(top - before.top)} px`);
  }
  expect(jumps).toEqual([]);
});

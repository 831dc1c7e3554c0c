import type { Page } from '@playwright/test';
import { segmentText } from '../../core/segmentation';
import { SAMPLE } from './support/backend';
import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';

const SENTENCES = segmentText(SAMPLE.text).segments.map((s) => s.text);
const positionsOf = (pattern: RegExp) => SENTENCES.flatMap((text, i) => (pattern.test(text) ? [i + 1] : []));

/** The words under a custom highlight, with the row they are in and what part of the inline diff holds them. */
async function highlighted(page: Page, name: string) {
  return page.evaluate((highlight) => {
    const ranges = [...(CSS.highlights.get(highlight) ?? [])] as Range[];
    return ranges.map((range) => {
      const at = range.startContainer.parentElement;
      return {
        text: range.toString(),
        position: Number((at?.closest('[data-testid="segment-row"]') as HTMLElement | null)?.dataset.position),
        inline: at?.closest('[data-find-inline]') !== null,
        part: at?.closest('del') ? 'del' : at?.closest('ins') ? 'ins' : 'equal',
      };
    });
  }, name);
}

/** Every control of the toolbar with its box (as the toolbar-stability test reads it). */
async function toolbarBoxes(page: Page) {
  return page.getByTestId('document-toolbar').evaluate((bar) =>
    [...bar.children].filter((child) => child.getBoundingClientRect().width > 0).map((child) => {
      const r = child.getBoundingClientRect();
      return { name: child.textContent?.replace(/\(\d+\)/, '').trim(), x: Math.round(r.x), y: Math.round(r.y), width: Math.round(r.width), height: Math.round(r.height) };
    }),
  );
}

/** The boxes of the grid, its header and the rows in view, and whether any of them meets the find bar's. */
async function overlapWithBar(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('[data-testid="find-bar"]')!.getBoundingClientRect();
    const grid = document.querySelector('[data-testid="segment-grid"]')!;
    const meets = (r: DOMRect) => r.left < bar.right && r.right > bar.left && r.top < bar.bottom && r.bottom > bar.top;
    const boxes = [grid, ...grid.querySelectorAll('.grid-header, [data-testid="segment-row"], [data-testid="row-gutter"], .row-meta')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.height > 0 && r.bottom > bar.top - 1 && r.top < window.innerHeight);
    return { barBottom: bar.bottom, gridTop: grid.getBoundingClientRect().top, overlapping: boxes.filter(meets).length, checked: boxes.length };
  });
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1024, height: 700 },
]) {
  test(`the find bar is docked above the grid at ${viewport.width}×${viewport.height}: no row, badge or status column under it, the toolbar unmoved`, async ({ page }, info) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    const firstRow = page.locator('[data-testid="segment-row"]').first();
    await expect(firstRow).toBeVisible();
    const toolbar = await toolbarBoxes(page);

    await page.keyboard.press('Control+f');
    await page.keyboard.type('Kazakhstan');
    await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
    const { barBottom, gridTop, overlapping, checked } = await overlapWithBar(page);
    expect(checked).toBeGreaterThan(3);
    expect(overlapping).toBe(0);
    expect(gridTop).toBeGreaterThanOrEqual(barBottom - 0.5);
    // The first row's status column is whole and in view below the bar.
    const gutter = await firstRow.getByTestId('row-gutter').boundingBox();
    expect(gutter!.y).toBeGreaterThanOrEqual(barBottom - 0.5);
    expect(await toolbarBoxes(page)).toEqual(toolbar);

    // A regex it cannot run is said in the bar itself, still over no row.
    await page.getByRole('button', { name: 'Regular expression' }).click();
    await page.getByRole('textbox', { name: 'Find' }).fill('(\\w+) \\1');
    await expect(page.getByTestId('find-bar').getByRole('alert')).toContainText('Backreferences');
    expect((await overlapWithBar(page)).overlapping).toBe(0);
    expect(await toolbarBoxes(page)).toEqual(toolbar);
    await page.screenshot({ path: info.outputPath(`find-docked-${viewport.width}.png`) });
  });
}

test('find marks its matches in the inline view: in the MT’s deletions, the correction’s insertions and unchanged text', async ({ page, backend }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const where = positionsOf(/Kazakhstan/);
  // One sentence edited beforehand: its MT's "Kazakhstan" is a deletion of the diff, "Qazaqstan" an insertion.
  const edited = where[0]!;
  await page.goto('/');
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
  const mt = backend.services.segments.get(edited).mtText;
  backend.services.segments.update(edited, mt.replace('Kazakhstan', 'Qazaqstan'));
  await page.reload();
  await page.getByRole('button', { name: /^Kazakhstan: .*sample MT/ }).click();
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
  await page.getByRole('button', { name: 'View', exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Inline' }).click();
  await expect(page.getByTestId('inline-diff').first()).toBeVisible();

  await page.keyboard.press('Control+f');
  await page.keyboard.type('Kazakhstan');
  await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  // The first match is the edited sentence's MT: drawn over the MT's characters of the inline diff (the
  // diff refines this word by characters: K·aza·kh·stan, deleted and kept parts), none of the inserted ones.
  const pieces = async (name: string) => {
    const ranges = await highlighted(page, name);
    return { text: ranges.map((r) => r.text).join(''), rows: [...new Set(ranges.map((r) => r.position))], inline: ranges.every((r) => r.inline), parts: [...new Set(ranges.map((r) => r.part))].sort() };
  };
  await expect.poll(() => pieces('find-current')).toEqual({ text: 'Kazakhstan', rows: [edited], inline: true, parts: ['del', 'equal'] });
  const others = await highlighted(page, 'find-match');
  expect(others.length).toBeGreaterThan(0);
  // The others: in sentences left as they were, the whole word in the text both sides share.
  const untouched = others.filter((m) => m.position !== edited);
  expect(untouched.length).toBeGreaterThan(0);
  expect(untouched.every((m) => m.text === 'Kazakhstan' && m.inline && where.includes(m.position) && m.part === 'equal')).toBe(true);
  await page.screenshot({ path: info.outputPath('find-inline.png') });

  // The correction's new word: an insertion of the diff.
  await page.getByRole('textbox', { name: 'Find' }).fill('Qazaqstan');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await expect.poll(() => pieces('find-current')).toEqual({ text: 'Qazaqstan', rows: [edited], inline: true, parts: ['equal', 'ins'] });

  // Stepping on reaches the next rows, marked in the inline view as well.
  await page.getByRole('textbox', { name: 'Find' }).fill('Kazakhstan');
  await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await highlighted(page, 'find-current'))[0]).toMatchObject({ text: 'Kazakhstan', inline: true, part: 'equal' });
});

test('find and the text filter follow a typing save and an undo without asking the store for the document again', async ({ page, backend }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(page.locator('[data-testid="segment-row"]').first()).toBeVisible();
  const target = positionsOf(/Tokayev/)[0]!;
  const asked = () => ({ matches: backend.calls.get('find.matches') ?? 0, positions: backend.calls.get('find.positions') ?? 0 });

  await page.keyboard.press('Control+f');
  await page.keyboard.type('Qazaqstan');
  await expect(page.getByTestId('find-count')).toHaveText('No matches');
  const before = asked();
  expect(before.matches).toBeGreaterThan(0);

  // Typing: once saved, the count is 1, from the saved sentence alone.
  const field = page.locator(`textarea[data-position="${target}"]`);
  await scrollToRow(page, target);
  await field.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Qazaqstan');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('find-count')).toHaveText(/ of 1$/);
  expect(backend.services.segments.get(target).currentText).toMatch(/ Qazaqstan$/);
  expect(asked()).toEqual(before);

  // The text filter (a new query: asked once) shows that sentence alone.
  const filter = page.getByRole('searchbox', { name: 'Filter rows by text' });
  await filter.fill('Qazaqstan');
  await expect.poll(() => page.locator('[data-testid="segment-row"]').count()).toBe(1);
  const filtered = asked();
  expect(filtered.positions).toBe(before.positions + 1);

  // Typing that takes the word out: find has no match once saved; the sentence stays shown while the editor is
  // in it (filteredEditing.spec.ts: it goes when they leave it).
  await field.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Nothing here now.');
  await expect(page.getByTestId('save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('find-count')).toHaveText('No matches');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('Nothing here now.');

  // An undo of that typing (one step): the sentence is back in the filter, its word counted again.
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('notice')).toContainText(`Undo: Edit sentence ${target}`);
  await expect(page.locator(`[data-testid="segment-row"][data-position="${target}"]`)).toHaveCount(1);
  await expect(page.getByTestId('find-count')).toHaveText(/ of 1$/);
  expect(asked()).toEqual(filtered);

  // A new query is asked of the store, once.
  await page.getByRole('textbox', { name: 'Find' }).fill('Tokayev');
  await expect(page.getByTestId('find-count')).toHaveText(/^\d+ of \d+$/);
  expect(asked().matches).toBe(filtered.matches + 1);
});

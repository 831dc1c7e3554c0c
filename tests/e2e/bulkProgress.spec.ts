import Database from 'better-sqlite3';
import { nodeNativeBinding } from '../../cli/nativeBinding';
import { expect, test } from './support/fixtures';
import { scrollToRow } from './support/grid';

// Every sentence names the file: replace all writes all of them, a few a step, long enough to show its bar.
const COUNT = 1500;
const lines = (count: number) => Array.from({ length: count }, (_, i) => `Satz ${i + 1} nennt die Datei.`);

async function openBook(page: import('@playwright/test').Page, backend: { services: import('../../services').Services }, count = COUNT) {
  const doc = backend.services.openSample({ fileName: 'book.txt', title: 'Book', text: lines(count).join('\n') });
  await page.goto('/');
  const title = page.getByRole('heading', { name: 'Book' });
  if (!(await title.isVisible())) await page.getByRole('button', { name: /Book/ }).first().click();
  await expect(title).toBeVisible();
  return doc;
}

async function replaceAll(page: import('@playwright/test').Page, count = COUNT) {
  await (await scrollToRow(page, 1)).getByRole('textbox').focus();
  await page.keyboard.press('Control+h');
  await expect(page.getByRole('dialog', { name: 'Find and replace' })).toBeVisible();
  await page.keyboard.type('Datei');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Akte');
  await page.keyboard.press('Enter');
  const preview = page.getByRole('dialog', { name: /Replace/ });
  await expect(preview).toContainText(`${count} of ${count} chosen`);
  await preview.getByRole('button', { name: 'Apply all as one step' }).click();
}

test('replace all in a long document shows how far it has got, then lands as one step', async ({ page, backend }, info) => {
  const doc = await openBook(page, backend);
  await replaceAll(page);
  const bar = page.getByTestId('bulk-progress');
  await expect(bar).toBeVisible();
  await expect(bar).toContainText(`of ${COUNT.toLocaleString('en')} sentences`);
  await page.screenshot({ path: info.outputPath('bulk-progress.png') });
  await expect(page.getByTestId('undo-bar')).toContainText(`changed ${COUNT} sentences`, { timeout: 60_000 });
  await expect(bar).toHaveCount(0);
  await expect((await scrollToRow(page, 1)).getByRole('textbox')).toHaveValue('Satz 1 nennt die Akte.');
  const texts = backend.services.segments.page(doc.id, 0, COUNT).items.map((s) => s.currentText);
  expect(texts.filter((t) => t.includes('Akte'))).toHaveLength(COUNT);
});

test('stopping a bulk change keeps what it wrote, as one step that undo takes back', async ({ page, backend }) => {
  // Long enough that the write is still going when Stop is pressed, on a loaded machine too.
  const count = 4 * COUNT;
  const doc = await openBook(page, backend, count);
  await replaceAll(page, count);
  const bar = page.getByTestId('bulk-progress');
  await expect(bar).toBeVisible();
  // Stopped once writing has begun (the bar counts the sentences read first too; a stop then writes nothing).
  const stored = () => backend.services.segments.page(doc.id, 0, count).items.filter((s) => s.currentText.includes('Akte')).length;
  const raw = new Database(backend.databaseFile, { readonly: true, nativeBinding: nodeNativeBinding() });
  try {
    const written = raw.prepare("SELECT count(*) FROM segments WHERE document_id = ? AND current_text LIKE '%Akte%'").pluck();
    await expect.poll(() => written.get(doc.id), { intervals: [20], timeout: 60_000 }).toBeGreaterThan(0);
  } finally {
    raw.close();
  }
  await page.getByRole('button', { name: 'Stop here' }).click();
  await expect(bar).toHaveCount(0, { timeout: 60_000 });
  const kept = stored();
  expect(kept).toBeLessThan(count);
  await expect(page.getByTestId('undo-bar')).toContainText(`changed ${kept} sentence`);
  await expect((await scrollToRow(page, 1)).getByRole('textbox')).toHaveValue('Satz 1 nennt die Akte.');
  await page.getByTestId('undo-bar').getByRole('button', { name: /Undo/ }).click();
  await expect.poll(stored).toBe(0);
  await expect((await scrollToRow(page, 1)).getByRole('textbox')).toHaveValue('Satz 1 nennt die Datei.');
});

test('a bulk change that fails part way keeps what it wrote, and the grid shows it without a reload', async ({ page, backend }, info) => {
  const doc = await openBook(page, backend);
  // The store refuses writes past sentence 700 from here on, as a full disk would.
  const raw = new Database(backend.databaseFile, { nativeBinding: nodeNativeBinding() });
  raw.exec(`CREATE TRIGGER disk_full BEFORE UPDATE OF current_text ON segments WHEN NEW.position > 700
            BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
  try {
    await replaceAll(page);
    await expect(page.getByText(/Only 700 of the 1,500 sentences were changed before the write failed.*disk is full/)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('bulk-progress')).toHaveCount(0);
    await page.screenshot({ path: info.outputPath('bulk-failed.png') });
    const stored = () => backend.services.segments.page(doc.id, 0, COUNT).items.filter((s) => s.currentText.includes('Akte')).length;
    expect(stored()).toBe(700);
    // What was written shows, with no reload: the rows held were read again.
    await expect((await scrollToRow(page, 1)).getByRole('textbox')).toHaveValue('Satz 1 nennt die Akte.');
    await expect((await scrollToRow(page, 701)).getByRole('textbox')).toHaveValue('Satz 701 nennt die Datei.');
    // It is one step, which undo takes back.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Undo/ }).click();
    await expect.poll(stored).toBe(0);
    await expect((await scrollToRow(page, 1)).getByRole('textbox')).toHaveValue('Satz 1 nennt die Datei.');
  } finally {
    raw.exec('DROP TRIGGER disk_full');
    raw.close();
  }
});

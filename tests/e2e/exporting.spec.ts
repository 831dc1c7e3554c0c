import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE } from './support/backend';
import { expect, test } from './support/fixtures';

/** A document of the sample repeated: long enough that its first whole check takes a while in its worker. */
const COPIES = 100;

test('an export runs in its worker with a bar and Cancel, the window answering meanwhile; cancelled, nothing is written', async ({
  page,
  backend,
}) => {
  backend.checkInBackground();
  backend.exportInWorker();
  const book = backend.services.documents.importText({
    fileName: 'book.txt',
    title: 'Book',
    text: Array(COPIES).fill(SAMPLE.text).join('\n\n'),
    hasBom: false,
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Book', exact: false }).first().click();
  await expect(page.getByRole('heading', { name: 'Book' })).toBeVisible();

  // The review report waits for the document's first whole check (running in its worker): the bar says so.
  const report = join(backend.dir, 'book.report.html');
  backend.dialogs.exportPath = report;
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Export as…' }).click();
  const choosing = page.getByRole('dialog', { name: 'Export' });
  await choosing.getByLabel('The HTML review report (printable to PDF)').check();
  await choosing.getByRole('button', { name: 'Export…' }).click();

  const progress = page.getByRole('dialog', { name: 'Export' });
  await expect(progress.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  await expect(progress.getByTestId('export-phase')).toContainText('Checking the whole document first');
  // The window keeps answering: a page of sentences comes back while the export runs.
  const answered = await page.evaluate(async (documentId) => {
    const api = (window as unknown as { redline: Record<string, (r: unknown) => Promise<{ ok: boolean; value: { items: unknown[] } }>> }).redline;
    const result = await api['segments.page']!({ documentId, offset: 0, limit: 20 });
    return result.ok ? result.value.items.length : -1;
  }, book.id);
  expect(answered).toBe(20);
  await expect(progress.getByTestId('export-phase')).toBeVisible();
  await page.screenshot({ path: join(backend.dir, 'export-progress.png') });
  if (process.env.EXPORT_SCREENSHOT) await page.screenshot({ path: process.env.EXPORT_SCREENSHOT });

  await progress.getByRole('button', { name: 'Cancel export' }).click();
  await expect(page.getByTestId('notice')).toContainText('The export was cancelled: no file was written.');
  await expect(page.getByRole('dialog', { name: 'Export' })).toHaveCount(0);
  expect(existsSync(report)).toBe(false);
  expect(readdirSync(backend.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);

  // Exported to the end: the CSV table, every sentence, under its name.
  const table = join(backend.dir, 'book.csv');
  backend.dialogs.exportPath = table;
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Export as…' }).click();
  await choosing.getByLabel('A CSV table: source, MT, final text, status, note and reason of a rejection per sentence').check();
  await choosing.getByRole('button', { name: 'Export…' }).click();
  // The worker thread loads its code first (compiled from source here, by tsx, while the whole check runs).
  await expect(page.getByTestId('notice')).toContainText(`Exported the CSV table to ${table}`, { timeout: 45_000 });
  const sentences = backend.services.segments.page(book.id, 0, 1).total;
  expect(readFileSync(table, 'utf8').split('\r\n')).toHaveLength(sentences + 2);
  await expect(page.getByRole('dialog', { name: 'Export' })).toHaveCount(0);
});

test('an export that cannot carry the notes says so, and where they are', async ({ page, backend }) => {
  await page.goto('/');
  await expect(page.locator('textarea[data-position="1"]')).toBeVisible();
  const first = backend.services.segments.page(1, 0, 1).items[0]!;
  backend.services.segments.note(first.id, 'Ask the client about the date.');
  backend.dialogs.exportPath = join(backend.dir, 'clean.txt');
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('notice')).toContainText(
    `Exported the clean text to ${join(backend.dir, 'clean.txt')}. Its note is not in it: the CSV table of Export as… and the review report carry it.`,
    { timeout: 45_000 },
  );
});

test('a note still being typed when the export is asked is saved first, and counted among the notes left out', async ({ page, backend }) => {
  await page.goto('/');
  await page.locator('textarea[data-position="2"]').click();
  await page.keyboard.press('Control+Alt+n');
  await page.keyboard.type('Client asked to keep arson');
  backend.dialogs.exportPath = join(backend.dir, 'clean.txt');
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('notice')).toContainText(
    `Exported the clean text to ${join(backend.dir, 'clean.txt')}. Its note is not in it: the CSV table of Export as… and the review report carry it.`,
    { timeout: 45_000 },
  );
  expect(backend.services.segments.page(1, 1, 1).items[0]!.note).toBe('Client asked to keep arson');
});

import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { SAMPLE, type Backend } from './support/backend';
import { expect, test } from './support/fixtures';

/** A long document, so that damage in the middle of the file lands on its pages and not the sample's. */
const longDocument = {
  fileName: 'long-report.txt',
  title: 'Long report',
  text: Array.from({ length: 400 }, (_, k) => `Paragraph ${k} of the long report repeats its words ${'again '.repeat(20)}to fill pages.`).join('\n') + '\n',
  hasBom: false,
};

/** Overwrites 64 KiB in the middle of the SQLite file while it is closed, as a failing disk would. */
function damageStore(backend: Backend): void {
  backend.restart(() => {
    const size = statSync(backend.databaseFile).size;
    const fd = openSync(backend.databaseFile, 'r+');
    writeSync(fd, Buffer.alloc(64 * 1024, 0xa5), 0, 64 * 1024, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
  });
}

test('a damaged store: the window says so, exports what can be read and restores the newest good backup', async ({ page, backend }, info) => {
  backend.services.openSample(SAMPLE);
  const backup = await backend.services.backups.now();
  backend.services.documents.importText(longDocument);
  damageStore(backend);
  expect(backend.services.health().state).toBe('damaged');

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Redline’s store is damaged' })).toBeVisible();
  await expect(page.getByTestId('damage')).toContainText('is damaged');
  const rows = page.getByRole('table', { name: 'Backups' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Made by hand');
  await expect(rows.nth(1).getByRole('cell').nth(2)).toHaveText('1');
  await page.screenshot({ path: info.outputPath('damaged-screen.png'), fullPage: true });

  // Export: the sample can still be read, the long report cannot and is named.
  const folder = join(backend.dir, 'rescued');
  backend.dialogs.folderPath = folder;
  await page.getByRole('button', { name: 'Export what can be read…' }).click();
  const result = page.getByRole('status', { name: 'Export result' });
  await expect(result).toContainText(`1 document written to ${folder}; 1 could not be read:`);
  await expect(result.getByRole('list', { name: 'Exported' })).toContainText(SAMPLE.title);
  await expect(result.getByRole('list', { name: 'Skipped' })).toContainText('Skipped “Long report”: database disk image is malformed');
  await page.screenshot({ path: info.outputPath('damaged-exported.png'), fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  const written = readdirSync(folder).sort();
  expect(written).toHaveLength(2);
  const plain = readFileSync(join(folder, written.find((name) => name.endsWith('.txt') && !name.endsWith('.tsv'))!), 'utf8');
  expect(plain).toBe(SAMPLE.text);

  // Restore the newest good backup: the library is back, the damaged file kept beside it.
  await page.getByRole('button', { name: 'Restore the newest good backup' }).click();
  await expect(page.getByTestId('notice')).toContainText('The damaged store is kept beside it as redline.sqlite.replaced-');
  const library = page.getByRole('list', { name: 'Documents' });
  await expect(library.getByRole('listitem')).toHaveCount(1);
  await expect(library).toContainText(SAMPLE.title);
  expect(backend.services.health()).toEqual({ state: 'sound', checking: false });
  expect(readdirSync(backend.dir).filter((name) => /^redline\.sqlite\.replaced-\d+$/.test(name))).toHaveLength(1);
  expect(existsSync(backup.path)).toBe(true);
});

test('a damaged store with no backup: start with an empty store, the damaged file kept aside', async ({ page, backend }) => {
  backend.services.openSample(SAMPLE);
  backend.services.documents.importText(longDocument);
  damageStore(backend);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Redline’s store is damaged' })).toBeVisible();
  await expect(page.getByText('There are no backups of this store.')).toBeVisible();
  await page.getByRole('button', { name: 'Start with an empty store…' }).click();
  await page.getByRole('button', { name: 'Yes, start with an empty store' }).click();
  await expect(page.getByTestId('notice')).toContainText('Started with an empty store. The damaged one is kept as redline.sqlite.damaged-');
  await expect(page.getByRole('heading', { name: 'Redline’s store is damaged' })).toBeHidden();
  expect(backend.services.documents.list()).toEqual([]);
  expect(readdirSync(backend.dir).filter((name) => /^redline\.sqlite\.damaged-\d+$/.test(name))).toHaveLength(1);
});

test('damage met while the window is open: the next call that meets it shows the screen', async ({ page, backend }) => {
  backend.services.openSample(SAMPLE);
  backend.services.documents.importText(longDocument);
  await page.goto('/');
  const library = page.getByRole('list', { name: 'Documents' });
  await expect(library.getByRole('listitem')).toHaveCount(2);
  // The store goes bad under the open window (the background check of a large store reports the same way).
  damageStore(backend);
  await library.getByRole('button', { name: /^Long report/ }).click();
  await expect(page.getByRole('heading', { name: 'Redline’s store is damaged' })).toBeVisible();
  await expect(page.getByTestId('damage')).toContainText('is damaged');
});

import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE } from './support/backend';
import { expect, test } from './support/fixtures';

test('restore from backup: the library goes back to the copy, the replaced store is kept beside it', async ({ page, backend }, info) => {
  // A store with the sample in it, and a copy of it made through the services, as the daily backup would be.
  backend.services.openSample(SAMPLE);
  const backup = await backend.services.backups.now();
  expect(backup.documents).toBe(1);

  // Then the store changes: a document is imported in the window.
  await page.goto('/');
  const library = page.getByRole('list', { name: 'Documents' });
  await expect(library.getByRole('listitem')).toHaveCount(1);
  const added = join(backend.dir, 'added-later.txt');
  writeFileSync(added, 'The minister spoke on Tuesday. He said the talks went well.\n');
  backend.dialogs.openPath = added;
  await page.getByRole('button', { name: 'Open file…' }).click();
  await page.getByRole('dialog', { name: 'Open added-later.txt' }).getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'added-later' })).toBeVisible();
  await page.getByRole('button', { name: /Library/ }).click();
  await expect(library.getByRole('listitem')).toHaveCount(2);

  // The dialog lists the backup with its kind and document count.
  await page.getByRole('button', { name: 'Restore from backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  const rows = dialog.getByRole('table', { name: 'Backups' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Made by hand');
  await expect(rows.nth(1).getByRole('cell').nth(2)).toHaveText('1');
  await page.screenshot({ path: info.outputPath('restore-dialog.png') });

  // Choosing it asks first, saying the current store is kept.
  await rows.nth(1).getByRole('button', { name: /^Restore the made by hand backup of / }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm).toContainText('kept beside the restored one');
  await expect(confirm.getByRole('button', { name: 'Restore', exact: true })).toBeFocused();
  await page.screenshot({ path: info.outputPath('restore-confirm.png') });
  await confirm.getByRole('button', { name: 'Restore', exact: true }).click();

  // The library reloads as it was when the copy was made; the store it replaced is still on disk.
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText('kept beside it as redline.sqlite.replaced-');
  await expect(library.getByRole('listitem')).toHaveCount(1);
  await expect(library).toContainText(SAMPLE.title);
  await expect(library).not.toContainText('added-later');
  expect(backend.services.documents.list().map((d) => d.title)).toEqual([SAMPLE.title]);
  const kept = readdirSync(backend.dir).filter((name) => /^redline\.sqlite\.replaced-\d+$/.test(name));
  expect(kept).toHaveLength(1);
  expect(existsSync(join(backend.dir, kept[0]!))).toBe(true);

  // The restored store is the one the window works on now: opening a document from it works.
  await library.getByRole('button', { name: new RegExp(`^${SAMPLE.title.replace(/[()]/g, '\\$&')}`) }).click();
  await expect(page.getByRole('heading', { name: SAMPLE.title })).toBeVisible();
});

import { basename } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Backend } from './backend';

/**
 * Opens the app on its library (another document is there, so the sample is not opened in its place) and picks
 * `path` with "Open file…", the native dialog answered by the backend: the import dialog for that file.
 */
export async function openFileDialog(page: Page, backend: Backend, path: string): Promise<Locator> {
  backend.services.openSample({ fileName: 'other.txt', title: 'Other', text: 'Something else.' });
  backend.dialogs.openPath = path;
  await page.goto('/');
  await page.getByRole('button', { name: 'Open file…' }).click();
  return page.getByRole('dialog', { name: `Open ${basename(path)}` });
}

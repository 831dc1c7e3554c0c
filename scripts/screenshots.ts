/**
 * Takes the README's screenshots of the real renderer in Chromium, bound to the real services on a temp
 * store: `npm run screenshots` (after `npm run build:app`).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { Backend } from '../tests/e2e/support/backend';
import { chromiumPath } from '../tests/e2e/support/chromium';
import { scrollToRow } from '../tests/e2e/support/grid';

const PORT = 4174;
const ORIGIN = `http://localhost:${PORT}`;
const OUT = join(__dirname, '..', 'docs');

const CORRECTIONS: Array<[number, string]> = [
  [1, 'The situation in Kazakhstan remains tense.'],
  [4, 'The airport of Almaty was destroyed, and fighting began in the streets.'],
  [7, 'How events are developing and what measures are being taken to suppress the unrest: read in Izvestia.'],
];

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(ORIGIN)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not start on ${ORIGIN}`);
}

async function main(): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--config', 'vite.renderer.config.ts', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  const backend = new Backend(ORIGIN);
  try {
    await waitForServer();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    await backend.attach(page);
    await page.goto(ORIGIN);
    for (const [position, text] of CORRECTIONS) {
      const row = await scrollToRow(page, position);
      await row.getByRole('textbox').fill(text);
    }
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor();
    await page.getByTestId('segment-grid').evaluate((el) => el.scrollTo(0, 0));
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await page.screenshot({ path: join(OUT, 'document-screen.png') });

    // Side by side with the metrics panel, on the sentence just corrected.
    await (await scrollToRow(page, 7)).getByRole('textbox').focus();
    await page.getByRole('button', { name: 'Metrics' }).click();
    await page.getByTestId('document-hter').waitFor();
    await page.getByTestId('segment-grid').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, 'diff-side-by-side.png') });

    await page.getByRole('radio', { name: 'Inline' }).click();
    await page.getByRole('button', { name: 'Close metrics' }).click();
    await page.screenshot({ path: join(OUT, 'diff-inline.png') });

    // The flags panel beside the grid, filtered to flagged sentences.
    await page.getByRole('radio', { name: 'Side by side' }).click();
    await page.getByRole('button', { name: /^Flags/ }).click();
    await page.getByTestId('flagged-count').filter({ hasText: 'flagged' }).waitFor();
    await page.getByLabel('Flagged sentences only').check();
    await page.screenshot({ path: join(OUT, 'flags.png') });
    await page.getByLabel('Flagged sentences only').uncheck();
    await page.getByRole('button', { name: 'Close flags' }).click();

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(OUT, 'document-screen-dark.png') });
    console.log(`Wrote the screenshots to ${OUT}`);
  } finally {
    backend.dispose();
    await browser.close();
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

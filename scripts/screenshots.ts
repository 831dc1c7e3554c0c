/**
 * Takes the README's screenshots of the real renderer in Chromium, bound to the real services on a temp
 * store: `npm run screenshots` (after `npm run build:app`).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

/**
 * An English text and its German MT (from the APE corpus) in paragraphs of three sentences, with two flaws an
 * aligner meets: the MT omits a sentence, and two source sentences are one in the MT's source.
 */
function writeAlignmentPair(dir: string): { mt: string; source: string } {
  const corpus = join(__dirname, '..', '..', 'shared', 'fixtures', 'ape-en-de');
  const lines = (name: string) => readFileSync(join(corpus, name), 'utf8').split('\n').slice(0, 30);
  const source = lines('src.txt');
  const mt = lines('mt.txt');
  source[11] = source[11]!.replace(/ \.$/, ' ;');
  mt.splice(6, 1);
  const paragraphs = (sentences: string[]) =>
    Array.from({ length: Math.ceil(sentences.length / 3) }, (_, i) => sentences.slice(i * 3, i * 3 + 3).join(' ')).join('\n\n');
  const paths = { mt: join(dir, 'handbuch.txt'), source: join(dir, 'manual.txt') };
  writeFileSync(paths.mt, paragraphs(mt));
  writeFileSync(paths.source, paragraphs(source));
  return paths;
}

async function alignmentScreenshot(page: import('@playwright/test').Page, backend: Backend): Promise<void> {
  const { mt, source } = writeAlignmentPair(backend.dir);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  backend.dialogs.openPath = mt;
  await page.getByRole('button', { name: 'Open file…' }).click();
  backend.dialogs.openPath = source;
  await page.getByRole('button', { name: 'Add source text…' }).click();
  await page.getByRole('button', { name: 'Align…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Align handbuch.txt with manual.txt' });
  // The MT dropped a sentence, so Gale–Church paired two source sentences with one MT sentence: the editor
  // parts the row so the omitted sentence stands alone, to be translated in review.
  await dialog.getByRole('button', { name: 'Next row to check' }).click();
  const row = dialog.locator('.align-row-current');
  await row.getByRole('button', { name: /^Split row/ }).click();
  await row.getByRole('button', { name: 'Cut the source after 1 sentence' }).click();
  await row.getByRole('button', { name: 'Cut the MT after 1 sentence' }).click();
  await page.screenshot({ path: join(OUT, 'alignment.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
}

/** The dense grid of a file with its source (an XLIFF from Russian into German): source, MT and correction. */
async function sourceColumnScreenshot(page: import('@playwright/test').Page, backend: Backend): Promise<void> {
  const fixture = join(__dirname, '..', 'tests', 'core', 'formats', 'fixtures', 'article-ru-de.xlf');
  const document = backend.services.documents.importFile(fixture);
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: new RegExp(`^${document.title}`) }).click();
  await page.getByRole('button', { name: 'View', exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Compact rows' }).click();
  const row = await scrollToRow(page, 2);
  await row.getByRole('textbox').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (vorläufig)');
  await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor();
  await page.getByTestId('segment-grid').evaluate((el) => el.scrollTo(0, 0));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: join(OUT, 'dense-grid-source.png') });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: 'View', exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Comfortable rows' }).click();
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

    await page.getByRole('button', { name: 'View', exact: true }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Inline' }).click();
    await page.getByRole('button', { name: 'Close metrics' }).click();
    await page.screenshot({ path: join(OUT, 'diff-inline.png') });

    // The flags panel beside the grid, filtered to flagged sentences.
    await page.getByRole('button', { name: 'View', exact: true }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Side by side' }).click();
    await page.getByRole('button', { name: /^Flags/ }).click();
    await page.getByTestId('flagged-count').filter({ hasText: 'flagged' }).waitFor();
    await page.getByLabel('Flagged sentences only').check();
    await page.screenshot({ path: join(OUT, 'flags.png') });
    await page.getByLabel('Flagged sentences only').uncheck();
    await page.getByRole('button', { name: 'Close flags' }).click();

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(OUT, 'document-screen-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    // Find in the grid: the matches marked in place, the current one apart, its count.
    await page.getByTestId('segment-grid').evaluate((el) => el.scrollTo(0, 0));
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await page.keyboard.press('Control+f');
    await page.keyboard.type('Kazakhstan');
    // The first match is the first from the sentence worked in last (7): step back to the top of the grid.
    await page.getByTestId('find-count').filter({ hasText: / of \d+$/ }).waitFor();
    for (let i = 0; i < 50 && !(await page.getByTestId('find-count').textContent())?.startsWith('3 of '); i++) {
      await page.keyboard.press('Shift+Enter');
    }
    await page.screenshot({ path: join(OUT, 'find-in-grid.png') });
    await page.keyboard.press('Escape');

    await sourceColumnScreenshot(page, backend);
    await alignmentScreenshot(page, backend);
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

/**
 * How the document screen feels in Chromium on a book-length document, through the real services (the e2e
 * backend: services over a SQLite file, bound to the page as the preload binds them). For documents of 1k and
 * 100k sentences built from the shared APE MT lines (mt.txt in order, cycled, 5 a paragraph), it reports:
 *
 * - first rows: from clicking the document in the library to its first rows shown with their text;
 * - scroll to rows: the grid scrolled to a far place, until the rows there are shown with their text (median
 *   of several jumps);
 * - keystroke → next frame: for 200 keys typed into a correction, from the keydown event's time stamp to the
 *   first animation frame after the field's input was handled, then the task after that frame (its paint):
 *   p50, p99, max. Goal p99 ≤ 16 ms.
 *
 * - the page's work per key: from the keydown reaching the window to its input event leaving it — the
 *   handlers and React's render and commit of the change, without the wait for the frame.
 *
 * As in the app, the document's first whole check runs in its worker thread; typing starts once it is over.
 *
 * The same keys are first typed into a bare textarea on an empty page in the same browser (the floor): what
 * Chromium, the input path of Playwright and this machine cost with no app at all. On a loaded 2-core machine
 * the floor's p99 alone is 20–40 ms, so each figure is printed beside it and as the app's excess over it.
 *
 * Run: `npm run perf` (builds the renderer first; E2E_PORT picks the preview port; PERF_SIZES=1000,100000).
 * Figures are printed and written to .reports/perf.json (every key's figures too); nothing about speed is asserted.
 * All of it runs twice (playwright.perf.config.ts): in a browser that draws frames at a 60 Hz display's pace, where
 * a key's frame first waits for the next refresh (up to 16.7 ms, so even the floor's p99 is above 16 ms), then in
 * one that draws a frame as soon as it is asked for (--disable-frame-rate-limit): what is left is the latency of
 * the page and the browser, the part a 16 ms frame budget is about (.reports/perf-unthrottled.json).
 * To see where a key's time goes: PERF_PROFILE=1 writes the renderer's CPU profile while typing
 * (.reports/perf-<size>.cpuprofile), PERF_TRACE=1 a Chromium trace (.reports/perf-<size>.trace.json, and
 * perf-floor.trace.json of the bare textarea, to compare a key's frame with; -unthrottled before .trace.json for
 * that project's). PERF_KEYS types more keys than 200,
 * to see the typing once the page's code is warm.
 * Both slow the page down: their runs' figures are not the page's.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../../tests/e2e/support/fixtures';

const ROOT = join(__dirname, '..', '..');
const APE_MT = join(ROOT, '..', 'shared', 'fixtures', 'ape-en-de', 'mt.txt');
const SIZES = (process.env.PERF_SIZES ?? '1000,100000').split(',').map(Number).filter((n) => n > 0);
/** Keys typed into each document: 200, or PERF_KEYS when it is a whole number above 0. */
const KEYS = [Number(process.env.PERF_KEYS)].find((n) => Number.isInteger(n) && n > 0) ?? 200;
/** How long one key may wait for its frame before the script stops typing and reports what it has. */
const KEY_BUDGET_MS = Number(process.env.PERF_KEY_BUDGET_MS ?? 60_000);

/** `n` APE MT lines in order (cycled), 5 to a paragraph — the documents `npm run bench` builds. */
function bookText(n: number): string {
  const lines = readFileSync(APE_MT, 'utf8').split('\n').filter((line) => line.length > 0);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(lines[i % lines.length]! + (i % 5 === 4 ? '\n\n' : '\n'));
  return out.join('');
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
const median = (values: readonly number[]) => percentile([...values].sort((a, b) => a - b), 50);

/** Scrolls the grid to `fraction` of its height; resolves with the ms until rows there show their text. */
async function scrollTo(page: Page, fraction: number): Promise<{ ms: number; position: number }> {
  return page.getByTestId('segment-grid').evaluate(
    (grid, fraction) =>
      new Promise<{ ms: number; position: number }>((resolve, reject) => {
        const started = performance.now();
        const target = Math.floor(fraction * (grid.scrollHeight - grid.clientHeight));
        grid.scrollTop = target;
        const box = grid.getBoundingClientRect();
        const check = () => {
          // A row counts once it is inside the visible area and its MT text is drawn.
          const shown = [...grid.querySelectorAll<HTMLElement>('[data-testid="segment-row"]')].find((row) => {
            const r = row.getBoundingClientRect();
            const text = row.querySelector('[data-testid="mt-text"]')?.textContent ?? '';
            return r.bottom > box.top + 40 && r.top < box.bottom && text.trim().length > 0;
          });
          if (shown && Math.abs(grid.scrollTop - target) < grid.clientHeight) {
            resolve({ ms: performance.now() - started, position: Number(shown.dataset.position) });
          } else if (performance.now() - started > 120_000) reject(new Error('rows did not show within 2 minutes'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    fraction,
  );
}

/** Listens in the page: each keydown's time to the first frame after its input, then the task after it. */
async function installKeyProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keyLatencies: number[]; __keyWork: number[] };
    w.__keyLatencies = [];
    w.__keyWork = [];
    // The page's own work for a key: from the keydown reaching the window to its input event leaving it (the
    // handlers and React's render and commit of the change, which run inside the event).
    let keyAt = 0;
    window.addEventListener('keydown', () => (keyAt = performance.now()), true);
    window.addEventListener('input', () => w.__keyWork.push(performance.now() - keyAt));
    const channel = new MessageChannel();
    const pending: number[] = [];
    channel.port1.onmessage = () => {
      const at = pending.shift();
      if (at !== undefined) w.__keyLatencies.push(performance.now() - at);
    };
    document.addEventListener(
      'keydown',
      (event) => {
        const stamp = event.timeStamp;
        requestAnimationFrame(() => {
          pending.push(stamp);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
}

interface SizeFigures {
  size: number;
  sentences: number;
  importMs: number;
  firstRowsMs: number;
  scrollMs: number[];
  keys: { count: number; p50: number; p99: number; max: number };
  /** The page's own work per key: keydown to the end of its input event (handlers, React's render and commit). */
  work: { p50: number; p99: number; max: number };
  /** Every key's figures, in the order typed (keystroke → frame, and the page's work), for a look at the slow ones. */
  perKey: { frame: number[]; work: number[] };
  /** The key that got no frame within the budget (typing stopped there), or null. */
  unanswered: number | null;
}

/** Which browser the figures are from (playwright.perf.config.ts): frames at the display's pace, or unthrottled. */
const mode = () => (test.info().project.name === 'unthrottled' ? 'unthrottled frames: ' : '');

/**
 * With PERF_TRACE, starts a Chromium trace of the page into .reports/perf-<name>[-unthrottled].trace.json (each
 * project its own file) and gives the call that stops it; without, a call that does nothing.
 */
async function traceIfAsked(page: Page, name: string): Promise<() => Promise<void>> {
  const browser = process.env.PERF_TRACE ? page.context().browser() : null;
  if (!browser) return async () => undefined;
  const file = `perf-${name}${test.info().project.name === 'unthrottled' ? '-unthrottled' : ''}.trace.json`;
  await browser.startTracing(page, { path: join(ROOT, '.reports', file), categories: ['devtools.timeline', 'blink', 'v8.execute', 'disabled-by-default-devtools.timeline'] });
  return async () => void (await browser.stopTracing());
}

const results: SizeFigures[] = [];
let floor: { p50: number; p99: number; max: number } | null = null;

test('floor: a bare textarea, same browser, same keys', async ({ page }) => {
  await page.setContent('<textarea aria-label="floor" style="width:600px;height:80px"></textarea>');
  await page.getByRole('textbox').click();
  await installKeyProbe(page);
  const stopTrace = await traceIfAsked(page, 'floor');
  const letters = 'the quick brown fox jumps over the lazy dog ';
  for (let k = 0; k < KEYS; k++) {
    const key = k % 50 === 49 ? 'Backspace' : letters[k % letters.length]!;
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await page.waitForFunction((n) => (window as unknown as { __keyLatencies: number[] }).__keyLatencies.length >= n, k + 1, { polling: 5, timeout: 0 });
  }
  await stopTrace();
  const sorted = (await page.evaluate(() => (window as unknown as { __keyLatencies: number[] }).__keyLatencies)).sort((a, b) => a - b);
  const work = (await page.evaluate(() => (window as unknown as { __keyWork: number[] }).__keyWork)).sort((a, b) => a - b);
  floor = { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1)! };
  console.log(
    `${mode()}floor (bare textarea, ${sorted.length} keys): p50 ${floor.p50.toFixed(1)} ms, p99 ${floor.p99.toFixed(1)} ms, max ${floor.max.toFixed(1)} ms; ` +
      `the page's work per key p50 ${percentile(work, 50).toFixed(1)} ms, p99 ${percentile(work, 99).toFixed(1)} ms`,
  );
});

for (const size of SIZES) {
  test(`a document of ${size.toLocaleString('en-US')} sentences`, async ({ page, backend }) => {
    // As in the app: the document's first whole check runs in its worker thread while the window is used.
    backend.checkInBackground();
    const text = bookText(size);
    const title = `Book of ${size}`;
    const importStarted = performance.now();
    const imported = backend.services.documents.importText({ fileName: `book-${size}.txt`, title, text, hasBom: false });
    const importMs = performance.now() - importStarted;
    const sentences = backend.services.segments.page(imported.id, 0, 1).total;

    await page.goto('/');
    const open = page.getByRole('button', { name: new RegExp(`^${title}`) });
    await expect(open).toBeVisible();
    const firstRowText = page.locator('[data-testid="segment-row"]').first().getByTestId('mt-text');
    const clicked = performance.now();
    await open.click();
    await expect(firstRowText).not.toBeEmpty();
    const firstRowsMs = performance.now() - clicked;
    console.log(`  ${size}: imported in ${importMs.toFixed(0)} ms, first rows in ${firstRowsMs.toFixed(0)} ms`);

    const scrollMs: number[] = [];
    for (const fraction of [0.5, 0.9, 0.25, 0.75, 0.1]) scrollMs.push((await scrollTo(page, fraction)).ms);
    console.log(`  ${size}: scrolls ${scrollMs.map((ms) => ms.toFixed(0)).join(', ')} ms`);

    // Typing is measured once the document's first whole check (in its worker, 30 s at 100k on two cores) is over:
    // while it runs it takes one of the two cores, and the figures would be those of the check, not of typing.
    await expect.poll(() => backend.services.checks.isChecked(imported.id), { timeout: 10 * 60_000, intervals: [500] }).toBe(true);

    // Type into the correction of a row in the middle of the document.
    const { position } = await scrollTo(page, 0.5);
    const row = page.locator(`[data-testid="segment-row"][data-position="${position}"]`);
    const field = row.getByRole('textbox');
    await field.click();
    await page.keyboard.press('End');
    await installKeyProbe(page);
    const stopTrace = await traceIfAsked(page, String(size));
    const profiler = process.env.PERF_PROFILE ? await page.context().newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.send('Profiler.start');
    }
    const letters = 'the quick brown fox jumps over the lazy dog ';
    let unanswered: number | null = null;
    let keysSoFar: number[] = [];
    for (let k = 0; k < KEYS; k++) {
      const key = k % 50 === 49 ? 'Backspace' : letters[k % letters.length]!;
      // One key at a time, like a typist: the next key waits until this one's frame was measured — or, when the
      // page does not answer within the budget, typing stops and the figures say after how many keys.
      const measured = page.keyboard
        .press(key === ' ' ? 'Space' : key)
        .then(() => page.waitForFunction((n) => (window as unknown as { __keyLatencies: number[] }).__keyLatencies.length >= n, k + 1, { polling: 5, timeout: 0 }))
        .then(() => true);
      const answered = await Promise.race([measured, new Promise<false>((resolve) => setTimeout(() => resolve(false), KEY_BUDGET_MS))]);
      if (!answered) {
        unanswered = k + 1;
        console.log(`  ${size}: key ${k + 1} got no frame within ${KEY_BUDGET_MS / 1000} s; typing stops there`);
        break;
      }
      if (k % 10 === 9) keysSoFar = await page.evaluate(() => [...(window as unknown as { __keyLatencies: number[] }).__keyLatencies]);
      if (k % 50 === 49) {
        const soFar = [...keysSoFar].sort((a, b) => a - b);
        console.log(`  ${size}: ${k + 1} keys typed; so far p50 ${percentile(soFar, 50).toFixed(1)} ms, p99 ${percentile(soFar, 99).toFixed(1)} ms`);
      }
    }
    const latencies =
      unanswered === null
        ? await page.evaluate(() => (window as unknown as { __keyLatencies: number[] }).__keyLatencies)
        : [...keysSoFar, KEY_BUDGET_MS]; // the unanswered key counts as at least the budget
    if (unanswered === null) {
      // What was typed is what got stored.
      await expect(page.getByTestId('save-state')).toHaveAttribute('data-status', 'saved');
      const stored = backend.services.segments.page(imported.id, position - 1, 1).items[0]!;
      expect(stored.currentText).toBe(await field.inputValue());
    }

    await stopTrace();
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      mkdirSync(join(ROOT, '.reports'), { recursive: true });
      writeFileSync(join(ROOT, '.reports', `perf-${size}.cpuprofile`), JSON.stringify(profile));
      writeFileSync(join(ROOT, '.reports', `perf-${size}-keys.json`), JSON.stringify(latencies));
    }
    const workInOrder = await page.evaluate(() => (window as unknown as { __keyWork: number[] }).__keyWork);
    const work = [...workInOrder].sort((a, b) => a - b);
    const sorted = [...latencies].sort((a, b) => a - b);
    const figures: SizeFigures = {
      size,
      sentences,
      importMs,
      firstRowsMs,
      scrollMs,
      keys: { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1)! },
      work: { p50: percentile(work, 50), p99: percentile(work, 99), max: work.at(-1)! },
      perKey: { frame: latencies, work: workInOrder },
      unanswered,
    };
    results.push(figures);
    const f = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(
      `${mode()}${sentences.toLocaleString('en-US')} sentences (import ${f(importMs)}): first rows ${f(firstRowsMs)}; ` +
        `scroll to rows median ${f(median(scrollMs))} (${scrollMs.map((ms) => ms.toFixed(0)).join(', ')}); ` +
        `keystroke → next frame over ${sorted.length} keys: p50 ${f(figures.keys.p50)}, p99 ${f(figures.keys.p99)}, max ${f(figures.keys.max)}` +
        ` (goal p99 ≤ 16 ms); the page's work per key p50 ${f(figures.work.p50)}, p99 ${f(figures.work.p99)}, max ${f(figures.work.max)}` +
        (floor ? `; floor in this run p50 ${f(floor.p50)}, p99 ${f(floor.p99)} → the app adds ${f(figures.keys.p50 - floor.p50)} at p50, ${f(figures.keys.p99 - floor.p99)} at p99` : '') +
        (unanswered === null ? '' : `; key ${unanswered} got no frame within ${KEY_BUDGET_MS / 1000} s (counted as ${KEY_BUDGET_MS / 1000} s), typing stopped`),
    );
  });
}

test.afterAll(() => {
  mkdirSync(join(ROOT, '.reports'), { recursive: true });
  const file = test.info().project.name === 'unthrottled' ? 'perf-unthrottled.json' : 'perf.json';
  writeFileSync(join(ROOT, '.reports', file), `${JSON.stringify({ floor, sizes: results }, null, 2)}\n`);
});

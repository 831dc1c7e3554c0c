import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run perf`: the Playwright perf script (scripts/perf), never part of `npm test`. It reports figures (see
// its output and .reports/perf.json); it asserts only that the app works, never how fast.
export default defineConfig({
  ...base,
  testDir: 'scripts/perf',
  testMatch: '*.perf.ts',
  timeout: 30 * 60_000,
  expect: { timeout: 10 * 60_000 },
  reporter: [['list']],
  use: { ...base.use, trace: 'off', screenshot: 'off' },
  projects: [
    // As a 60 Hz display shows it: a key's frame waits for the next refresh, up to 16.7 ms, whatever the page does.
    { name: 'display' },
    // Frames drawn as soon as they are asked for: what is left is the page's and the browser's own latency, which
    // a 60 Hz display's frame budget of 16 ms is for (the typing script only).
    {
      name: 'unthrottled',
      testMatch: 'typing.perf.ts',
      use: {
        launchOptions: {
          ...base.use!.launchOptions,
          args: [...(base.use!.launchOptions!.args ?? []), '--disable-frame-rate-limit', '--disable-gpu-vsync'],
        },
      },
    },
  ],
});

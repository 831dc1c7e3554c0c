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
});

// Prints one closing line for CI from the JSON reports of vitest and Playwright: "N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

const vitest = read('.reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests + (vitest.numRuntimeErrorTestSuites ?? 0);
  skipped += vitest.numPendingTests + vitest.numTodoTests;
} else missing.push('vitest');

const playwright = read('.reports/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
} else missing.push('playwright');

if (missing.length) console.log(`(no report from ${missing.join(' and ')}: it did not run or did not finish)`);
console.log(`tests: ${passed} passed, ${failed + missing.length} failed, ${skipped} skipped`);

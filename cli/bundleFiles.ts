import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * The CLI is built as three files in dist-cli (scripts/build-cli.mjs): redline.js, a launcher that only looks
 * at the command line; redline-metrics.js, file-to-file metrics alone (no store, formats, checks, zod or
 * encoding detection: loading those cost more than measuring 2,000 pairs); and redline-full.js, every command.
 * A run compiles and loads only the file it needs.
 */
export const METRICS_BUNDLE = 'redline-metrics.js';
export const FULL_BUNDLE = 'redline-full.js';

/** Loads (and so runs) a sibling bundle of the running one. Only meaningful inside dist-cli. */
export function runBundle(name: string): void {
  createRequire(__filename)(join(__dirname, name));
}

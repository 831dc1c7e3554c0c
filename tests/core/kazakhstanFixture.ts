import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The product's reference input lives beside the checkout, in ../shared (see ../shared/README.md). */
export const KAZAKHSTAN_FIXTURE = fileURLToPath(new URL('../../../shared/fixtures/kazakhstan-mt.txt', import.meta.url));

/** The real MT article, byte for byte; a missing ../shared is reported plainly instead of as ENOENT. */
export function readKazakhstanFixture(): string {
  if (!existsSync(KAZAKHSTAN_FIXTURE)) {
    throw new Error(
      `The test fixture ${KAZAKHSTAN_FIXTURE} is missing. Check out the shared/ folder beside this project ` +
        '(the project expects it at ../shared).',
    );
  }
  return readFileSync(KAZAKHSTAN_FIXTURE, 'utf8');
}

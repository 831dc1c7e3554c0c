import { test as base } from '@playwright/test';
import { Backend } from './backend';

/** Every test gets its own store, bound to its page before the app loads (whether it names it or not). */
export const test = base.extend<{ backend: Backend }>({
  backend: [
    async ({ page, baseURL }, use) => {
      const backend = new Backend(baseURL ?? 'http://localhost:4173');
      await backend.attach(page);
      await use(backend);
      backend.dispose();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';

import { defineConfig } from 'vite';

// better-sqlite3 loads a native addon at run time, so it stays a real require().
export default defineConfig({
  build: { rollupOptions: { external: ['better-sqlite3'] } },
});

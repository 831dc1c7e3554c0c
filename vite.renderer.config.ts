import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Root is renderer/ so index.html sits there; the build lands where Forge's main expects it.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../.vite/renderer/main_window', emptyOutDir: true },
  preview: { port: 4173, strictPort: true },
});

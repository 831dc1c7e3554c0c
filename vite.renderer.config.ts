import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicy } from './electron/csp';

// Root is renderer/ so index.html sits there; the build lands where Forge's main expects it.
// `vite preview` (the end-to-end tests) sends the same CSP header as the app:// protocol.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // Chromium supports modulepreload natively; Vite 8's polyfill also fails to resolve under Forge 7's config.
  // Assets stay files: the CSP allows fonts from 'self' only, never data: URLs.
  build: { outDir: '../.vite/renderer/main_window', emptyOutDir: true, modulePreload: { polyfill: false }, assetsInlineLimit: 0 },
  preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy() } },
});

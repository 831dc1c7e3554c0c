/**
 * Builds main, preload and renderer into .vite/ exactly as `electron-forge package` does (same plugin, same
 * configs), without needing the Electron binary: the end-to-end tests serve this renderer, and the
 * Electron launch test runs this main.
 */
import ViteConfigGenerator from '@electron-forge/plugin-vite/dist/ViteConfig';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type InlineConfig } from 'vite';
import { vitePluginConfig } from '../forge.config';

const root = join(__dirname, '..');
// Vite warns that a future default config loader will not read TypeScript configs in a CommonJS package;
// Forge 7 needs CommonJS and loads these configs with today's loader, which reads them fine.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';

async function main(): Promise<void> {
  const generator = new ViteConfigGenerator(vitePluginConfig, root, true);
  const configs: InlineConfig[] = [...(await generator.getBuildConfigs()), ...(await generator.getRendererConfig())];
  for (const config of configs) {
    await build({ ...config, configFile: false, logLevel: 'warn' });
  }
  const mainBundle = readFileSync(join(root, '.vite', 'build', 'main.js'), 'utf8');
  if (!/require\(["']better-sqlite3["']\)/.test(mainBundle)) {
    throw new Error('main.js must load better-sqlite3 at run time (it is a native addon), not bundle it.');
  }
  console.log('Built .vite/build/main.js, .vite/build/preload.js and .vite/renderer/main_window/');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

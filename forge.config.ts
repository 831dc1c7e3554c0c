import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { VitePluginConfig } from '@electron-forge/plugin-vite/dist/Config';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** better-sqlite3 is loaded at run time, not bundled: copy it and what it requires into the package. */
const NATIVE_RUNTIME_MODULES = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

/** What Vite builds: main and preload for Node, the renderer for the window. scripts/build-app.ts uses it too. */
export const vitePluginConfig: VitePluginConfig = {
  build: [
    { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
    { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
    // The worker thread of long checks (services/wholeChecks.ts starts it from .vite/build/wholeCheckWorker.js).
    { entry: 'services/wholeCheckWorker.ts', config: 'vite.main.config.ts', target: 'main' },
    // The worker thread of exports and reports (services/exportJobs.ts starts it from .vite/build/exportWorker.js).
    { entry: 'services/exportWorker.ts', config: 'vite.main.config.ts', target: 'main' },
    // The worker thread that measures with non-default TER options (services/metricsJobs.ts starts it from
    // .vite/build/metricsWorker.js).
    { entry: 'services/metricsWorker.ts', config: 'vite.main.config.ts', target: 'main' },
    // The thread that reads the picked files (services/fileReads.ts starts it from .vite/build/fileReadWorker.js).
    { entry: 'services/fileReadWorker.ts', config: 'vite.main.config.ts', target: 'main' },
    // The speller threads, one per language (services/spellerThreads.ts starts them from .vite/build/spellerWorker.js).
    { entry: 'services/spellerWorker.ts', config: 'vite.main.config.ts', target: 'main' },
  ],
  renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
};

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Redline',
    executableName: 'redline',
    asar: { unpack: '**/*.node' },
  },
  rebuildConfig: { onlyModules: ['better-sqlite3'], force: true },
  hooks: {
    packageAfterCopy: async (_config, buildPath) => {
      for (const name of NATIVE_RUNTIME_MODULES) {
        const from = join(__dirname, 'node_modules', name);
        if (existsSync(from)) cpSync(from, join(buildPath, 'node_modules', name), { recursive: true });
      }
    },
  },
  makers: [new MakerSquirrel({}), new MakerZIP({}, ['darwin']), new MakerDeb({})],
  plugins: [
    new VitePlugin(vitePluginConfig),
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // The UI is served from app:// and file:// is never used, so file:// pages get no extra privileges.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;

import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The layer-rule messages lint gives for `code` as if it were the file at `path`. */
async function refusals(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'redline/layers').map((m) => m.message);
}

/** Every way a module can be named, so no form slips past the rule. */
const FORMS: Array<[string, (specifier: string) => string]> = [
  ['static import', (s) => `import x from '${s}';\nexport const y = x;`],
  ['type import', (s) => `import type { X } from '${s}';\nexport type Y = X;`],
  ['export from', (s) => `export { x } from '${s}';`],
  ['export all', (s) => `export * from '${s}';`],
  ['dynamic import', (s) => `export const load = () => import('${s}');`],
  ['template import', (s) => `export const load = () => import(\`${s}\`);`],
  ['require', (s) => `export const x = require('${s}');`],
  ['import type query', (s) => `export type X = typeof import('${s}');`],
  ['import equals', (s) => `import x = require('${s}');\nexport const y = x;`],
];

/** For each layer, a file in it and imports it must be refused. */
const FORBIDDEN: Array<[layer: string, file: string, specifiers: string[]]> = [
  ['core', 'core/checks/probe.ts', ['electron', 'node:fs', 'fs', 'zlib', 'better-sqlite3', 'react', '../../db/store', '../../services', '../../electron/window', '../../cli/run', '../../renderer/lib/desktop']],
  ['db', 'db/repositories/probe.ts', ['electron', 'react', '../../services', '../../electron/window', '../../cli/run', '../../renderer/lib/desktop']],
  ['services', 'services/probe.ts', ['electron', 'better-sqlite3', 'react', '../electron/window', '../cli/run', '../renderer/lib/desktop']],
  ['electron', 'electron/ipc/probe.ts', ['better-sqlite3', 'react', '../../cli/run', '../../renderer/lib/desktop']],
  ['cli', 'cli/commands/probe.ts', ['electron', 'electron/main', 'better-sqlite3', 'react', '../../electron/window', '../../renderer/lib/desktop']],
  ['renderer', 'renderer/features/probe.tsx', ['electron', 'node:path', 'path', 'better-sqlite3', '../../db/store', '../../services', '../../electron/preload', '../../cli/run']],
];

/** What each layer may import, so the rule is not simply refusing everything. */
const ALLOWED: Array<[layer: string, file: string, specifiers: string[]]> = [
  ['core', 'core/checks/probe.ts', ['./types', '../model/segment', 'zod', 'diff']],
  ['db', 'db/repositories/probe.ts', ['../../core/model/segment', '../store', 'better-sqlite3', 'node:fs']],
  ['services', 'services/probe.ts', ['../core/model/segment', '../db/store', './index', 'node:path', 'iconv-lite']],
  ['electron', 'electron/ipc/probe.ts', ['electron', '../../core/ipc', '../../services', '../../db/clock', 'node:path']],
  ['cli', 'cli/commands/probe.ts', ['../../services', '../../core/diff', '../../db/clock', 'node:fs']],
  ['renderer', 'renderer/features/probe.tsx', ['react', '@tanstack/react-virtual', '../../core/diff', '../lib/desktop']],
];

describe('the layers hold on every import form', () => {
  for (const [layer, file, specifiers] of FORBIDDEN) {
    it(`${layer}/ refuses what it may not import`, async () => {
      const missed: string[] = [];
      for (const specifier of specifiers) {
        for (const [form, write] of FORMS) {
          if ((await refusals(file, write(specifier))).length === 0) missed.push(`${form} of ${specifier}`);
        }
      }
      expect(missed).toEqual([]);
    });
  }

  for (const [layer, file, specifiers] of ALLOWED) {
    it(`${layer}/ accepts what it may import`, async () => {
      const refused: string[] = [];
      for (const specifier of specifiers) {
        for (const [form, write] of FORMS) {
          const messages = await refusals(file, write(specifier));
          if (messages.length > 0) refused.push(`${form} of ${specifier}: ${messages.join('; ')}`);
        }
      }
      expect(refused).toEqual([]);
    });
  }

  it('refuses a module name computed at run time in a layer, which it could not check', async () => {
    expect(await refusals('core/probe.ts', 'export const load = (name: string) => import(name);')).toHaveLength(1);
    expect(await refusals('renderer/probe.ts', 'const name = "x";\nexport const x = require(name);')).toHaveLength(1);
  });

  it('names the layer and the module in its message', async () => {
    expect(await refusals('core/probe.ts', "export const load = () => import('electron');")).toEqual([
      'core/ may not import Electron: only electron/ does.',
    ]);
    expect(await refusals('services/probe.ts', "import { x } from '../electron/window';\nexport { x };")).toEqual([
      'services/ may not import from electron/ (“../electron/window”).',
    ]);
  });
});

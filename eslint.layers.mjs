// The folder decides what a file may import, as VS Code's layering rule does: every import form is checked
// (static `import`, `export … from`, dynamic `import()`, `require()`, `import x = require()` and
// `import('…')` types), against one table of layers. See README, "Layout".
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = dirname(new URL(import.meta.url).pathname);

/** What each layer may import: the project folders, and the kinds of package. */
export const LAYERS = {
  core: { folders: ['core'], node: false, electron: false, sqlite: false, react: false },
  db: { folders: ['core', 'db'], node: true, electron: false, sqlite: true, react: false },
  services: { folders: ['core', 'db', 'services'], node: true, electron: false, sqlite: false, react: false },
  electron: { folders: ['core', 'db', 'services', 'electron', 'assets'], node: true, electron: true, sqlite: false, react: false },
  cli: { folders: ['core', 'db', 'services', 'cli'], node: true, electron: false, sqlite: false, react: false },
  renderer: { folders: ['core', 'renderer'], node: false, electron: false, sqlite: false, react: true },
};

const PROJECT_FOLDERS = new Set(['core', 'db', 'services', 'electron', 'cli', 'renderer', 'tests', 'bench', 'scripts', 'assets']);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const REACT = /^(react|react-dom|react-is|recharts|@tanstack)(\/|$)/;

const topFolder = (absolute) => relative(ROOT, absolute).split(sep)[0];

/** What an import specifier names: a project folder, or a kind of package. */
function classify(specifier, fromFile) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const folder = topFolder(resolve(dirname(fromFile), specifier));
    return { kind: 'folder', name: PROJECT_FOLDERS.has(folder) ? folder : `${folder} (outside the layers)` };
  }
  if (BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]) || specifier.startsWith('node:')) return { kind: 'node' };
  if (specifier === 'electron' || specifier.startsWith('electron/')) return { kind: 'electron' };
  if (specifier === 'better-sqlite3') return { kind: 'sqlite' };
  if (REACT.test(specifier)) return { kind: 'react' };
  return { kind: 'package' };
}

/** Why `specifier` may not be imported from a file of `layer`, or null when it may. */
export function refusal(layer, specifier, fromFile) {
  const rules = LAYERS[layer];
  const target = classify(specifier, fromFile);
  switch (target.kind) {
    case 'folder':
      return rules.folders.includes(target.name) ? null : `${layer}/ may not import from ${target.name}/ (“${specifier}”).`;
    case 'node':
      return rules.node ? null : `${layer}/ may not use Node APIs (“${specifier}”).`;
    case 'electron':
      return rules.electron ? null : `${layer}/ may not import Electron: only electron/ does.`;
    case 'sqlite':
      return rules.sqlite ? null : `${layer}/ may not import better-sqlite3: SQL lives in db/ only.`;
    case 'react':
      return rules.react ? null : `${layer}/ may not import React: it belongs to renderer/.`;
    default:
      return null;
  }
}

const literal = (node) => {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null; // computed: cannot be checked
};

const layers = {
  meta: { type: 'problem', schema: [], messages: { refused: '{{why}}', computed: '{{why}}' } },
  create(context) {
    const file = context.filename;
    const layer = topFolder(file);
    if (!(layer in LAYERS)) return {};
    const check = (node, sourceNode) => {
      const specifier = literal(sourceNode);
      if (specifier === undefined) return;
      if (specifier === null) {
        context.report({ node, messageId: 'computed', data: { why: `${layer}/ may not import a computed module name: the layers cannot check it.` } });
        return;
      }
      const why = refusal(layer, specifier, file);
      if (why) context.report({ node, messageId: 'refused', data: { why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => {
        const argument = 'source' in node ? node.source : node.argument;
        check(node, argument?.type === 'TSLiteralType' ? argument.literal : argument);
      },
      TSExternalModuleReference: (node) => check(node, node.expression),
      CallExpression: (node) => {
        const callee = node.callee;
        const isRequire =
          (callee.type === 'Identifier' && callee.name === 'require') ||
          (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'require' && callee.property.name === 'resolve');
        if (isRequire) check(node, node.arguments[0]);
      },
    };
  },
};

export default { rules: { layers } };

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import boundaries: the folder decides what a file may import (see README, "Layout"). */
const forbid = (...groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

const NODE = [['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util'], 'Node APIs do not belong here.'];
const ELECTRON = [['electron', 'electron/*'], 'Electron is only for electron/ (outside services/).'];
const SQLITE = [['better-sqlite3'], 'SQL lives in db/ only.'];
const REACT = [['react', 'react-dom', 'react-dom/*', '@tanstack/*'], 'React belongs to renderer/.'];
const folder = (name) => [[`**/${name}/**`, `**/${name}`], `${name}/ may not be imported from here.`];

export default tseslint.config(
  { ignores: ['node_modules/', '.vite/', 'out/', 'dist/', '.native/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(NODE, ELECTRON, SQLITE, REACT, folder('db'), folder('electron'), folder('renderer'), folder('cli')) },
  },
  {
    files: ['db/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(ELECTRON, REACT, folder('electron'), folder('renderer'), folder('cli')) },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(ELECTRON, SQLITE, REACT, folder('renderer'), folder('cli')) },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/services/**'],
    rules: { 'no-restricted-imports': forbid(SQLITE, REACT, folder('renderer'), folder('cli')) },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Redline does not use the React Compiler; this rule only reports that it would skip TanStack Virtual.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': forbid(NODE, ELECTRON, SQLITE, folder('db'), folder('electron'), folder('cli')),
    },
  },
);

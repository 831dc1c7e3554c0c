import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import redline from './eslint.layers.mjs';

export default tseslint.config(
  { ignores: ['node_modules/', '.vite/', 'out/', 'dist/', 'dist-cli/', '.native/', 'test-results/', 'playwright-report/'] },
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
    // The layers (eslint.layers.mjs): what each folder may import, on every import form.
    files: ['{core,db,services,electron,cli,renderer}/**/*.{ts,tsx}'],
    plugins: { redline },
    rules: { 'redline/layers': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Redline does not use the React Compiler; this rule only reports that it would skip TanStack Virtual.
      'react-hooks/incompatible-library': 'off',
    },
  },
);

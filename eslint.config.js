import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** src/core must run in Node and in a worker: no Dexie, Svelte, Comlink or DOM. */
const pureCoreRestrictions = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: [
            'dexie',
            'dexie/*',
            'svelte',
            'svelte/*',
            'comlink',
            '*.svelte',
            '**/db/*',
            '**/ui/*',
            '**/workers/*',
          ],
          message: 'src/core is pure: no Dexie, Svelte, Comlink, UI or DB imports.',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    'window',
    'document',
    'localStorage',
    'sessionStorage',
    'indexedDB',
    'navigator',
    'location',
    'fetch',
  ],
};

export default ts.config(
  {
    ignores: [
      'dist/**',
      'dev-dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results.json',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
    // Dates here are clock readings passed to the core, never reactive state.
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  { files: ['src/core/**/*.ts'], rules: pureCoreRestrictions },
);

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

/**
 * Decision 0005: an invoice's export status is its row plus the transfer journal, and only
 * src/db/export-status.ts knows that (src/db/database.ts declares the table). Everything else
 * reads and writes statuses through that module's functions, so a change to how statuses are
 * stored changes one module. Identifier covers `db.transferJournal` and destructuring; Literal
 * covers `db.table('transferJournal')` and `db['transferJournal']`.
 */
const TRANSFER_JOURNAL_MESSAGE =
  'The transfer journal is private to src/db/export-status.ts (decision 0005): read invoices with their status and write statuses through its functions.';
const transferJournalRestriction = {
  'no-restricted-syntax': [
    'error',
    { selector: "Identifier[name='transferJournal']", message: TRANSFER_JOURNAL_MESSAGE },
    { selector: "Literal[value='transferJournal']", message: TRANSFER_JOURNAL_MESSAGE },
  ],
};

/**
 * Issue 15: a spread passes every element as one argument, and past V8's argument limit (some
 * 40k–130k elements, fewer on a worker's stack) the call throws "Maximum call stack size
 * exceeded" (Hogia's XML root took one argument per time record). Appending, maxima and text
 * from char codes go through loops (src/core/push-all.ts); in the builders, kits and pipeline
 * no call takes a spread at all (XML children are passed as a list).
 */
const SPREAD_MESSAGE =
  "A spread argument fails past V8's argument limit on data-sized arrays: use pushAll / maxOf (src/core/push-all.ts), or pass the list itself.";
const spreadSelectors = [
  {
    selector: 'CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement',
    message: SPREAD_MESSAGE,
  },
  { selector: "CallExpression[callee.object.name='Math'] > SpreadElement", message: SPREAD_MESSAGE },
  { selector: "CallExpression[callee.property.name='fromCharCode'] > SpreadElement", message: SPREAD_MESSAGE },
  { selector: "CallExpression[callee.property.name='fromCodePoint'] > SpreadElement", message: SPREAD_MESSAGE },
  { selector: "CallExpression[callee.property.name='apply']", message: SPREAD_MESSAGE },
];
const anySpreadArgument = [
  { selector: 'CallExpression > SpreadElement', message: SPREAD_MESSAGE },
  { selector: 'NewExpression > SpreadElement', message: SPREAD_MESSAGE },
];

/**
 * Issue 16: no data reaches the DOM as HTML. Svelte's `{@html}` is refused by
 * `svelte/no-at-html-tags`; this rule refuses the DOM's own ways: assigning `innerHTML`,
 * `outerHTML` or `srcdoc`, and calling `insertAdjacentHTML`, `document.write(ln)`,
 * `createContextualFragment` or `setHTMLUnsafe`. Text goes in as text (Svelte's `{value}`,
 * `textContent`), which the browser never parses. A separate rule (not `no-restricted-syntax`,
 * whose options replace each other per file) so it holds beside every other block below.
 */
const RAW_HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML', 'srcdoc']);
const RAW_HTML_CALLS = new Set(['insertAdjacentHTML', 'write', 'writeln', 'createContextualFragment', 'setHTMLUnsafe']);
const propertyName = (node) =>
  node.type === 'MemberExpression'
    ? node.computed
      ? node.property.type === 'Literal'
        ? node.property.value
        : undefined
      : node.property.name
    : undefined;
const noRawHtml = {
  meta: {
    type: 'problem',
    docs: { description: 'No innerHTML, outerHTML, insertAdjacentHTML or document.write: data goes in as text.' },
    messages: {
      rawHtml: '{{name}} parses text as HTML; put data in as text (Svelte {value}, textContent) (issue 16).',
    },
    schema: [],
  },
  create(context) {
    return {
      AssignmentExpression(node) {
        const name = propertyName(node.left);
        if (RAW_HTML_PROPERTIES.has(name)) context.report({ node, messageId: 'rawHtml', data: { name } });
      },
      CallExpression(node) {
        const name = propertyName(node.callee);
        if (!RAW_HTML_CALLS.has(name)) return;
        // `write` is only document.write: a stream's or a file's write is not HTML.
        if ((name === 'write' || name === 'writeln') && node.callee.object.name !== 'document') return;
        context.report({ node, messageId: 'rawHtml', data: { name } });
      },
    };
  },
};
const exportdeskPlugin = { rules: { 'no-raw-html': noRawHtml } };

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
  {
    // Type-aware rules: a promise nobody awaits loses its error (an unhandled rejection instead of
    // a message), and a promise where a callback's void is expected runs unordered. Every `.ts` and
    // `.svelte` file the tsconfig includes is checked with the type checker (projectService).
    files: ['**/*.ts', '**/*.svelte'],
    ignores: ['eslint.config.js'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  { files: ['src/core/**/*.ts'], rules: pureCoreRestrictions },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte', 'workers/**/*.ts'],
    plugins: { exportdesk: exportdeskPlugin },
    rules: { 'exportdesk/no-raw-html': 'error', 'svelte/no-at-html-tags': 'error' },
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs', '**/*.svelte'],
    // The db and browser tests look into the journal to check the module from outside.
    ignores: ['src/db/export-status.ts', 'src/db/database.ts', 'test/db/**', 'test/e2e/**'],
    rules: transferJournalRestriction,
  },
  // `no-restricted-syntax` options replace each other per file, so the journal's selectors are repeated here.
  {
    files: ['src/**/*.ts', 'src/**/*.svelte', 'workers/**/*.ts'],
    ignores: ['src/db/export-status.ts', 'src/db/database.ts'],
    rules: {
      'no-restricted-syntax': [...transferJournalRestriction['no-restricted-syntax'], ...spreadSelectors],
    },
  },
  {
    files: ['src/db/export-status.ts', 'src/db/database.ts'],
    rules: { 'no-restricted-syntax': ['error', ...spreadSelectors] },
  },
  {
    files: ['src/core/formats/**/*.ts', 'src/core/export/**/*.ts', 'workers/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        ...transferJournalRestriction['no-restricted-syntax'],
        ...spreadSelectors,
        ...anySpreadArgument,
      ],
    },
  },
);

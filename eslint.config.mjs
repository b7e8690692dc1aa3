// Lint rules: typescript-eslint's recommended set, plus the architecture's boundaries as errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const appsScriptGlobals = [
  'DocumentApp', 'SpreadsheetApp', 'PropertiesService', 'HtmlService', 'Session',
  'LockService', 'ScriptApp', 'Utilities', 'CacheService', 'Logger',
].map((name) => ({ name, message: 'src/core is plain TypeScript: reach Google services through src/adapters.' }));

export default tseslint.config(
  { ignores: ['test/summary-reporter.cjs', 'dist/**', 'node_modules/**', 'coverage/**', '.preview/**', '.build/**', 'test/esbuild-transform.cjs', 'jest.config.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...appsScriptGlobals],
      'no-restricted-imports': ['error', { patterns: ['../adapters/*', '../server/*', '**/emulation/*'] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/emulation/*', '**/test/*', 'node:*'] }],
      // Apps Script evaluates the bundle on every call: a schema built at load costs every call (README, "Bundle size").
      'no-restricted-syntax': [
        'error',
        ...['Program > VariableDeclaration', 'Program > ExportNamedDeclaration > VariableDeclaration'].flatMap((declaration) =>
          [
            `${declaration} > VariableDeclarator > CallExpression[callee.object.name='z']`,
            `${declaration} > VariableDeclarator > CallExpression > MemberExpression > CallExpression[callee.object.name='z']`,
          ].map((selector) => ({ selector, message: 'Build zod schemas on first use (onFirstUse in src/core/on-first-use.ts), not when the file loads.' })),
        ),
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'tools/**/*.ts', 'test/**/*.ts', 'emulation/**/*.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
);

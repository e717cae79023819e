// Lint gate run by `npm run deploy` before anything reaches Apps Script.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.dependency-cruiser.cjs', 'build/**', 'node_modules/**', 'test-artifacts/**', '.ward/**', 'emulator/server/bridge.client.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // Emulator modules build nested classes that reach their module as `m`.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['m', 'module'] }],
    },
  },
  {
    // Apps Script code: no Node or browser globals (the build test checks the bundle too).
    files: ['src/**/*.ts'],
    ignores: ['src/ui/client/**'],
    rules: {
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'fetch', 'atob', 'btoa', 'process', 'Buffer', 'window', 'document'],
    },
  },
  {
    // The domain is pure: what it decides is tested without any Apps Script service.
    files: ['src/domain/**/*.ts', 'src/i18n/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'SpreadsheetApp', 'FormApp', 'DocumentApp', 'DriveApp', 'ScriptApp', 'LockService', 'PropertiesService', 'CacheService', 'MailApp', 'GmailApp', 'Session', 'Utilities', 'HtmlService', 'Logger', 'Charts', 'UrlFetchApp', 'setTimeout', 'setInterval', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'fetch', 'atob', 'btoa', 'process', 'Buffer', 'window', 'document'],
    },
  },
  {
    // The sidebar runs in the browser: Apps Script's services exist only on the server.
    files: ['src/ui/client/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'SpreadsheetApp', 'FormApp', 'DocumentApp', 'DriveApp', 'ScriptApp', 'LockService', 'PropertiesService', 'CacheService', 'MailApp', 'Session', 'Utilities', 'HtmlService', 'Logger'],
    },
  },
  {
    files: ['webpack.config.js', 'test/support/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

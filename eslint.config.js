// The JavaScript check (`make lint`, part of `make test`): ESLint's recommended rules over the
// page, the wrapper, the element, the service worker, the tests and the benchmarks.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['www/pkg/**', 'www/pkg-editor/**', 'www/app.min.js', 'www/training.min.js', 'node_modules/**', 'bench/node_modules/**', 'target/**', 'test-results/**', 'dist/**'] },
  js.configs.recommended,
  {
    files: ['www/**/*.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['www/editor-worker.js'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ['www/sw.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.serviceworker } },
  },
  {
    files: ['tests/**/*.mjs', 'bench/**/*.mjs', 'scripts/**/*.mjs', 'eslint.config.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Functions and classes may be called before their line (they are hoisted or only used
      // later); a module-level `let` may not: the page's state is declared in one place.
      'no-use-before-define': ['error', { functions: false, classes: false, variables: true }],
    },
  },
];

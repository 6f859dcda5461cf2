// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'coverage/**', 'tests/e2e/screenshots/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    // TSX is the client's Preact panels: the same rules as TypeScript.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Records keyed by id are the engine's data model; removing an entry is deleting a key.
      '@typescript-eslint/no-dynamic-delete': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The engine is a pure leaf: no I/O, no clock, no ambient randomness, no upward imports.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'worker_threads'].map((name) => ({ name, message: 'shared/ is pure: no Node built-ins.' })),
        patterns: [
          { group: ['**/server/**', '**/client/**', '../server*', '../client*'], message: 'shared/ may not import server/ or client/.' },
          { group: ['node:*'], message: 'shared/ is pure: no Node built-ins.' },
          { group: ['@colyseus/*', 'colyseus.js', 'phaser', 'express', 'better-sqlite3', 'kysely', 'pg'], message: 'shared/ knows no framework or storage.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'Date', message: 'The engine never reads a clock: time comes in on commands.' },
        { name: 'setTimeout', message: 'The engine has no timers.' },
        { name: 'setInterval', message: 'The engine has no timers.' },
        { name: 'performance', message: 'The engine never reads a clock.' },
        { name: 'process', message: 'The engine reads no environment.' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded PRNG in shared/rng.ts.' }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/client/**', 'phaser'], message: 'The server knows nothing of the client.' }] }],
    },
  },
  {
    files: ['client/**/*.ts', 'client/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'The client never imports server code; speak the protocol in shared/.' }] }],
    },
  },
);

import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['build/', 'public/build/', '.cache/', 'data/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
    },
  },
  {
    // Routes reach the database only through app/models (STYLE.md).
    files: ['app/routes/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*'], message: 'Query through app/models/*.server.ts.' },
            { group: ['**/db/*'], message: 'Query through app/models/*.server.ts.' },
            { group: ['./*', '../routes/*'], message: 'Routes never import another route.' },
          ],
        },
      ],
    },
  },
  {
    // Domain logic is pure: no database, no models, no Node I/O.
    files: ['app/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*', '**/db/*', '~/models/*', 'node:*'], message: 'app/domain stays pure.' },
          ],
        },
      ],
    },
  },
)

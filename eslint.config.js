import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['dist/**', 'node_modules/**', 'reports/**', 'data/**', 'test/fixtures/**']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
    },
  },
  {
    files: ['**/*.cjs', 'bin/**/*.js', 'eslint.config.js'],
    languageOptions: {
      globals: {require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly'},
    },
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
  {
    // The report page's script: a classic browser script, inlined into index.html.
    files: ['src/core/report/assets/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        document: 'readonly',
        window: 'readonly',
        location: 'readonly',
        Blob: 'readonly',
        URL: 'readonly',
        Event: 'readonly',
        Element: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
)

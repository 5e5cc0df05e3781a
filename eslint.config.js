import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import jest from 'eslint-plugin-jest';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages a domain/ folder (the pure core: time, seeds and configuration come in as arguments) must never import. */
const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'class-validator', 'class-transformer', 'bullmq', 'ioredis', 'pg', 'nodemailer'];

/**
 * Folders a low-level folder may import from (any other src/ folder is a feature). The regex matches a relative
 * import whose first directory after the `../` steps is not one of them; imports within the folder stay free.
 */
/** @param {string[]} allowed */
const lowerThan = (allowed) => new RegExp(`^(\\.\\./)+(?!(${allowed.join('|')})/)[^./][^/]*/`).source;
const INFRASTRUCTURE = ['common', 'config', 'database', 'redis', 'logging', 'authz'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'var/', 'coverage/', 'bench-results/', 'console/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'test/support/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-console': 'error',
    },
  },
  // The console runs in the browser.
  { files: ['console/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  // Plain JavaScript tooling scripts: lint them, without type information.
  { files: ['scripts/**/*.mjs', 'test/support/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FRAMEWORKS, message: 'domain/ is pure TypeScript: no framework, ORM or queue imports.' },
          ],
        },
      ],
    },
  },
  // Queue infrastructure and metrics sit below the features: worker composition lives in src/workers/.
  {
    files: ['src/jobs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: lowerThan([...INFRASTRUCTURE, 'metrics']),
              message: 'jobs/ is queue infrastructure: it imports no feature (compose workers in src/workers/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/metrics/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: lowerThan(INFRASTRUCTURE),
              message: 'metrics/ imports no feature and nothing from jobs/: gauges register themselves on Metrics.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/valid-expect': ['error', { alwaysAwait: true }],
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'request.**.expect'] }],
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);

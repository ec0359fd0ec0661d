import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'reports/',
      '.data/',
      'coverage/',
      'cloudfunctions/*/index.js',
      'test/components/style-stub.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Dates come from the one clock (domain/core/clock.ts), which tests and CI start at chosen instants.
    // Elapsed time is performance.now().
    files: ['domain/**/*.ts', 'server/**/*.ts', 'test/node/**/*.ts', 'test/support/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: '读时间请用 domain/core/clock.ts 的 clock.now()（测试与 CI 会设定它）；计时请用 performance.now()。',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: '读时间请用 clock.now()：new Date(clock.now())。',
        },
      ],
    },
  },
  {
    // The mini-program and the console reach server code only through types (cloudfunctions/contract.ts): a value
    // import from domain/ or cloudfunctions/ would bundle server code (zod, Node) into a client. Zod-free
    // `labels.ts` files (names, rules, lists the forms show) are the one exception.
    files: ['src/**/*.{ts,tsx}', 'console/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(domain|cloudfunctions)/(?!(.+/)?labels$)',
              allowTypeImports: true,
              message:
                '客户端只能用 import type 引用 domain/ 与 cloudfunctions/（类型契约见 cloudfunctions/contract.ts）；运行时只可引用不含 zod 的 */labels.ts。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
  },
);

import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.tap/',
      '**/generated/**',
      'eslint.config.mjs',
      // Plain-JS build helpers (not in the TypeScript project); the .ts scripts are linted.
      'scripts/**/*.mjs',
      // Generated CDKTF bindings, and the example app that is type-checked with their tsconfig.
      'cdktf/**',
      'terraform/examples/cdktf/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.test.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      // Core and the provider must never print: the provider's stdout is the go-plugin handshake channel.
      'no-console': 'error',
    },
  },
  {
    // Developer scripts (npm run package, cdktf:generate, demo) report on the console.
    files: ['scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);

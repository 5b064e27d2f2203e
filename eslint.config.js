import path from 'node:path';
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const ENGINE_DIR = path.resolve(import.meta.dirname, 'src/engine');

/**
 * fpsimd/engine-boundary: a relative import in src/engine/** must resolve inside src/engine.
 * (Depth-independent, unlike `../../*` patterns in no-restricted-imports.)
 */
const engineBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep src/engine self-contained: no relative imports leaving src/engine' },
    messages: {
      escape: "'{{source}}' leaves src/engine: the engine must stay pure and self-contained.",
    },
    schema: [],
  },
  create(context) {
    const dir = path.dirname(context.filename);
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(dir, source);
      if (target !== ENGINE_DIR && !target.startsWith(ENGINE_DIR + path.sep)) {
        context.report({ node, messageId: 'escape', data: { source } });
      }
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

const ENGINE_PURE = 'src/engine must stay framework-free (no UI, state or rendering libraries).';

export default defineConfig([
  { ignores: ['dist/', 'dist-cli/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // React code only: the engine and CLI have no React, and kernel names such as `useRegs`
    // would trip rules-of-hooks there.
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    ignores: ['src/engine/**', 'src/cli/**', 'tests/engine/**', 'tests/cli/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: [
      '**/*.{js,mjs,cjs}',
      '*.config.ts',
      'e2e/**',
      'bench/**',
      'scripts/**',
      'bin/**',
      'src/cli/**',
      'tests/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/engine/**/*.{ts,tsx,js,mjs}'],
    plugins: { fpsimd: { rules: { 'engine-boundary': engineBoundary } } },
    rules: {
      // Relative escapes (../../x from any depth) are caught exactly by fpsimd/engine-boundary.
      'fpsimd/engine-boundary': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(react|react-dom|zustand)(/.*)?$', message: ENGINE_PURE },
            { regex: '^d3(-[a-z-]+)?(/.*)?$', message: ENGINE_PURE },
            { regex: '^@types/(react|react-dom|d3)', message: ENGINE_PURE },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator'].map((name) => ({
          name,
          message: `src/engine must not touch browser globals (${name}); pass data in instead.`,
        })),
      ],
    },
  },
]);

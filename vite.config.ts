/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Pure-logic tests (engine, CLI) run in plain node; everything else gets a DOM.
const nodeTests = ['tests/engine/**/*.test.{ts,tsx}', 'tests/cli/**/*.test.{ts,tsx}'];

export default defineConfig({
  base: './', // relative asset URLs: dist/ works from any sub-path
  plugins: [react()],
  test: {
    // `include` is set per project: with `extends: true` a root-level include would be
    // concatenated into each project's, not replaced.
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/**/*.test.{ts,tsx}'],
          setupFiles: ['./tests/setup.ts'],
          exclude: ['**/node_modules/**', ...nodeTests],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: nodeTests,
        },
      },
    ],
  },
});

/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { engineCode } from './scripts/engineCode/plugin.ts';
import { serviceWorkerSource } from './src/offline/serviceWorker.ts';

/** Files under dir, relative to it, with `/` separators. */
function filesUnder(dir: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** Emits dist/sw.js listing every file of the build (the offline copy; see src/offline/serviceWorker.ts). */
function offlineCopy(): Plugin {
  let publicDir = '';
  return {
    name: 'fpsimd-offline-copy',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = [...new Set([...Object.keys(bundle), ...filesUnder(publicDir)])].sort();
        const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12);
        this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(files, version) });
      },
    },
  };
}

// Pure-logic tests (engine, CLI) run in plain node; everything else gets a DOM.
const nodeTests = [
  'tests/engine/**/*.test.{ts,tsx}',
  'tests/cli/**/*.test.{ts,tsx}',
  'tests/scripts/**/*.test.{ts,tsx}',
  'tests/structure/**/*.test.{ts,tsx}',
];

export default defineConfig({
  base: './', // relative asset URLs: dist/ works from any sub-path
  plugins: [react(), engineCode(), offlineCopy()],
  test: {
    // One test file per core: Vitest's default leaves one core idle (cores - 1), which on a 2-core
    // machine runs every file in turn.
    maxWorkers: availableParallelism(),
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
          // Liveness bounds, not speed checks: a loaded 2-core machine renders jsdom slowly.
          testTimeout: 20_000,
          exclude: ['**/node_modules/**', ...nodeTests],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: nodeTests,
          testTimeout: 60_000, // a liveness bound, as above: searches run long on a loaded machine
        },
      },
    ],
  },
});

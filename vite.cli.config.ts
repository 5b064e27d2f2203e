// Builds the command line into dist-cli/: the entry fpsimd-viz.mjs and one chunk per command (and the
// code they share) under dist-cli/chunks/, plain JavaScript that node runs with no TypeScript compiler
// at start (`npm run build:cli`; `npm ci` runs it through the `prepare` script).
import { defineConfig } from 'vite';
import { engineCode } from './scripts/engineCode/plugin.ts';

export const CLI_OUT_DIR = 'dist-cli';

export default defineConfig({
  // The app's public/ files have no place in the CLI build.
  publicDir: false,
  // `virtual:engine-code`, the description of the engine's kernel code, for any command that shows it.
  plugins: [engineCode()],
  logLevel: 'warn',
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: CLI_OUT_DIR,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      output: {
        format: 'es',
        entryFileNames: 'fpsimd-viz.mjs',
        // Each command is imported on demand (src/cli/cli.ts): start-up loads the entry and the
        // chunks of the one command run, not every command's code (`cli.startRatio`).
        chunkFileNames: 'chunks/[name]-[hash].mjs',
      },
    },
  },
});

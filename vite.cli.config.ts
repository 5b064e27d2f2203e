// Builds the command line into one file, dist-cli/fpsimd-viz.mjs, that node runs with no TypeScript
// compiler at start (`npm run build:cli`; `npm ci` runs it through the `prepare` script).
import { defineConfig } from 'vite';

export const CLI_OUT_DIR = 'dist-cli';

export default defineConfig({
  // The app's public/ files have no place in the CLI build.
  publicDir: false,
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
        // One file: the lazily imported `check` command is inlined instead of split into a chunk.
        codeSplitting: false,
      },
    },
  },
});

#!/usr/bin/env node
// Starts the built command line, dist-cli/fpsimd-viz.mjs (it imports each command's chunk from
// dist-cli/chunks/ when that command runs): plain JavaScript, no TypeScript compiler at start. `npm ci` builds it (the `prepare` script); `npm run build:cli` rebuilds it after a change,
// and `npm run cli -- ARGS` runs the TypeScript sources directly (through tsx) while developing.
const built = new URL('../dist-cli/fpsimd-viz.mjs', import.meta.url);
try {
  await import(built.href);
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('dist-cli')) throw e;
  process.stderr.write(
    'fpsimd-viz: the command line is not built (dist-cli/fpsimd-viz.mjs is missing): ' +
      'run `npm ci` or `npm run build:cli` in the project directory\n',
  );
  process.exitCode = 2;
}

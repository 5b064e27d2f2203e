// `npm run screenshots`: retakes the pictures the docs show (docs/screenshots/*.png). Builds the app,
// then runs only the browser tests tagged @docs-screenshots with DOCS_SCREENSHOTS=write, the one
// setting under which they write the tracked files (e2e/helpers.ts: docScreenshot); every other run
// of the browser tests leaves them alone. Review the new pictures with `git diff --stat docs/screenshots`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);

for (const [cmd, args] of [
  [bin('vite'), ['build', '--logLevel', 'warn']],
  [bin('playwright'), ['test', '--grep', '@docs-screenshots']],
]) {
  const res = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, DOCS_SCREENSHOTS: 'write' },
  });
  if (res.status !== 0) {
    console.error(`screenshots: ${path.basename(cmd)} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

// `npm test`: system packages (installed when missing), typecheck, lint, format check, the CLI's
// build, unit/component tests, the app's build, browser tests; then checks the run left the work tree
// as it found it (no tracked file rewritten, no stray file: what a test writes goes to ignored folders).
// Stops at the first failing step (exit 1) and always ends with the plain line
// `tests: N passed, N failed` summed from test-results/unit.json and test-results/e2e.json.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_JSON, UNIT_JSON, summarize, summaryLine } from './test-summary.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);
const noColor = { NO_COLOR: '1', FORCE_COLOR: '0' };

const steps = [
  // Chromium, Spin and gcc from Debian when missing (see the script and the README).
  {
    name: 'system packages',
    cmd: process.execPath,
    args: [path.join(ROOT, 'scripts/ensure-system-deps.mjs')],
  },
  { name: 'typecheck', cmd: bin('tsc'), args: ['-p', 'tsconfig.json'] },
  { name: 'lint', cmd: bin('eslint'), args: ['.', '--max-warnings=0'] },
  { name: 'format', cmd: bin('prettier'), args: ['--check', '.', '--log-level=warn'], env: noColor },
  // The bin runs the built file (dist-cli/); the unit tests run it too.
  { name: 'build cli', cmd: bin('vite'), args: ['build', '--config', 'vite.cli.config.ts'] },
  {
    name: 'unit',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${UNIT_JSON}`],
    env: noColor,
  },
  { name: 'build', cmd: bin('vite'), args: ['build', '--logLevel', 'warn'] },
  // Playwright's JSON reporter (playwright.config.ts) writes test-results/e2e.json.
  { name: 'e2e', cmd: bin('playwright'), args: ['test'] },
];

/** The work tree's state: changed and untracked paths with a hash of the changes; null outside git. */
function workTree() {
  const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const status = git('status', '--porcelain=v1', '-uall');
  if (status.status !== 0) return null;
  const diff = git('diff', '--no-ext-diff', '--binary', 'HEAD').stdout ?? '';
  return { status: status.stdout, diff: createHash('sha256').update(diff).digest('hex') };
}

const before = workTree();
const t0 = Date.now();
const secs = () => ((Date.now() - t0) / 1000).toFixed(1);

mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
rmSync(UNIT_JSON, { force: true });
rmSync(E2E_JSON, { force: true });

let failedStep = null;
for (const step of steps) {
  console.log(`\n=== ${step.name} (t+${secs()}s)`);
  const res = spawnSync(step.cmd, step.args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  });
  if (res.status !== 0) {
    failedStep = step.name;
    const why = res.error ? res.error.message : res.signal ? `signal ${res.signal}` : `exit ${res.status}`;
    console.error(`\n*** step '${step.name}' failed (${why}); stopping.`);
    break;
  }
}

if (failedStep === null && before !== null) {
  console.log(`\n=== work tree clean (t+${secs()}s)`);
  const after = workTree();
  if (after === null || after.status !== before.status || after.diff !== before.diff) {
    failedStep = 'work tree clean';
    console.error(
      `\n*** the tests changed the work tree (git status --porcelain after the run):\n${after?.status ?? '(git failed)'}`,
    );
  }
}

const result = summarize({ stepFailed: failedStep !== null });
const noTests = failedStep === null && result.passed === 0;
if (noTests) console.error('*** no tests ran');
console.log(`\n${result.details.join(', ') || 'no test results'}, wall ${secs()}s`);
console.log(summaryLine(result));
process.exitCode = failedStep !== null || result.failed > 0 || noTests ? 1 : 0;

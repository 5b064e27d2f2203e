// Sums test-results/unit.json (vitest) and test-results/e2e.json (playwright) into
// the plain closing line `tests: N passed, N failed`.
// CLI: node scripts/test-summary.mjs [--step-failed]   (exit 1 when anything failed)
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const UNIT_JSON = path.join(ROOT, 'test-results/unit.json');
export const E2E_JSON = path.join(ROOT, 'test-results/e2e.json');

function readJson(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { unreadable: true };
  }
}

/** @returns {{passed: number, failed: number, skipped: number, details: string[]}} */
export function summarize({ stepFailed = false } = {}) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const details = [];

  const unit = readJson(UNIT_JSON);
  if (unit?.unreadable) {
    failed += 1;
    details.push('unit: test-results/unit.json unreadable');
  } else if (unit) {
    passed += unit.numPassedTests ?? 0;
    failed += unit.numFailedTests ?? 0;
    skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
    // A file that fails to load has no failed *test*, only a failed suite.
    if (unit.success === false && !unit.numFailedTests) failed += Math.max(1, unit.numFailedTestSuites ?? 0);
    details.push(`unit ${unit.numPassedTests ?? 0}/${unit.numTotalTests ?? 0}`);
  }

  const e2e = readJson(E2E_JSON);
  if (e2e?.unreadable || (e2e && !e2e.stats)) {
    failed += 1;
    details.push('e2e: test-results/e2e.json unreadable');
  } else if (e2e) {
    const s = e2e.stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    skipped += s.skipped;
    // Global errors (web server failed to start, config error...) have no failed test.
    if ((e2e.errors?.length ?? 0) > 0 && s.unexpected === 0) failed += 1;
    details.push(`e2e ${s.expected + s.flaky}/${s.expected + s.unexpected + s.flaky + s.skipped}`);
  }

  // A failed non-test step (typecheck, lint, build...) must never read as green.
  if (stepFailed && failed === 0) failed = 1;
  return { passed, failed, skipped, details };
}

export function summaryLine({ passed, failed }) {
  return `tests: ${passed} passed, ${failed} failed`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = summarize({ stepFailed: process.argv.includes('--step-failed') });
  console.log(summaryLine(result));
  process.exitCode = result.failed > 0 || result.passed === 0 ? 1 : 0;
}

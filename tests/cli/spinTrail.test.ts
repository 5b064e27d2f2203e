// Beyond one process: `fpsimd-viz spin` runs Spin's multi-core verifier (-DNCORE=2) and a swarm of
// bitstate runs with different seeds on the reference machine, with the built-in explorer's verdict;
// a trail of pan read back (as `import-trail` does) as a scenario that `run` replays to the same
// violation at its last event.
// Needs Debian's spin and a C compiler, as tests/engine/promela/spin.test.ts does.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireSpin } from '../../scripts/spin';
import { multicoreModel } from '../../src/cli/spinModel';
import { runCli } from './helpers';

const ROOT = new URL('../../', import.meta.url).pathname;
const REFERENCE = path.join(ROOT, 'src/scenarios/vcpu-preempt-migrate.json');
/** A real bug undone (751ecf6afd65): a lost update of qemu's data within 5 events. */
const VARIANT = 'v6.15/pre-751ecf6afd65';

async function exported(args: string[]): Promise<string> {
  const scenario = readFileSync(REFERENCE, 'utf8');
  const r = await runCli(['export', '--promela', 's.json', ...args], { 's.json': scenario });
  expect(r.code).toBe(0);
  return r.out;
}

/** spin -a, then cc with the flags: the verifier's path. */
function build(dir: string, model: string, name: string, flags: string[]): string {
  const { spin, cc } = requireSpin();
  writeFileSync(path.join(dir, 'model.pml'), model);
  execFileSync(spin, ['-a', 'model.pml'], { cwd: dir });
  execFileSync(cc, ['-O0', '-DSAFETY', ...flags, '-o', name, 'pan.c'], { cwd: dir });
  return path.join(dir, name);
}

const pan = (dir: string, bin: string, args: string[]): string =>
  spawnSync(bin, args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;

const states = (out: string): number => Number(/(\d+) states, stored/.exec(out)?.[1]);

type Found = { kind: string; context: string | null };
const key = (f: Found): string => `${f.kind} ${f.context ?? '-'}`;

/** `fpsimd-viz spin` on the reference machine, in dir, compiled without optimisation (a small model). */
async function spinRun(dir: string, args: string[]) {
  const r = await runCli(
    ['spin', 's.json', '--dir', dir, '--memory', '256', '--cflags', '-O0', '--json', ...args],
    {
      's.json': readFileSync(REFERENCE, 'utf8'),
    },
  );
  expect(r.err).toBe('');
  return {
    code: r.code,
    out: JSON.parse(r.out) as { violations: Found[]; complete: boolean; scenario: string | null },
  };
}

/** The built-in explorer's violations on the same question, as (kind, context). */
async function explorer(args: string[]): Promise<Set<string>> {
  const r = await runCli(['check', 's.json', '--json', ...args], {
    's.json': readFileSync(REFERENCE, 'utf8'),
  });
  return new Set((JSON.parse(r.out) as { violations: Found[] }).violations.map(key));
}

/** `run` of a scenario file: the violations at its last event, as (kind, context). */
function violationsAtEnd(file: string): string[] {
  const bin = path.join(ROOT, 'bin/fpsimd-viz.mjs');
  const sc = JSON.parse(readFileSync(file, 'utf8')) as { events: unknown[] };
  const replayed = spawnSync(process.execPath, [bin, 'run', file, '--json'], { encoding: 'utf8' });
  expect(replayed.status).toBe(1);
  const result = JSON.parse(replayed.stdout) as { violations: (Found & { step: number })[] };
  return result.violations.filter((v) => v.step === sc.events.length - 1).map(key);
}

/** Runs fn in a new temporary directory, removed afterwards. */
async function inTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fpsimd-spin-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Spin beyond one process', () => {
  it(
    "fpsimd-viz spin: the multi-core verifier (-DNCORE=2) gives the explorer's verdict, and its trail replays to the same violation",
    { timeout: 600_000 },
    () =>
      inTempDir(async (dir) => {
        // A clean era: no violation within 5 events for both, and pan explored the whole bound.
        const clean = await spinRun(path.join(dir, 'clean'), [
          '--variant',
          'v4.18',
          '--depth',
          '5',
          '--cores',
          '2',
        ]);
        expect(clean.code).toBe(0);
        expect(clean.out).toMatchObject({ violations: [], complete: true, scenario: null });
        expect((await explorer(['--variant', 'v4.18', '--depth', '5'])).size).toBe(0);
        // A real bug undone: the multi-core verifier stops at its first violation, one the explorer
        // reports too; its trail (rebuilt by one process) is a scenario that run replays to it.
        const bug = await spinRun(path.join(dir, 'bug'), [
          '--variant',
          VARIANT,
          '--depth',
          '6',
          '--cores',
          '2',
        ]);
        expect(bug.code).toBe(1);
        const expected = await explorer(['--variant', VARIANT, '--depth', '6']);
        expect(bug.out.violations.length).toBeGreaterThan(0);
        for (const f of bug.out.violations) expect(expected).toContain(key(f));
        const sc = JSON.parse(readFileSync(String(bug.out.scenario), 'utf8'));
        expect(sc).toMatchObject({ format: 'fpsimd-scenario/1', variant: VARIANT, cpus: 2 });
        const atEnd = violationsAtEnd(String(bug.out.scenario));
        expect(atEnd.some((k) => expected.has(k))).toBe(true);
        // And as a link to the app, opened at the violating step.
        const bin = path.join(ROOT, 'bin/fpsimd-viz.mjs');
        const model = path.join(dir, 'bug', 'model.pml');
        const link = spawnSync(
          process.execPath,
          [bin, 'import-trail', model, '--link', 'https://example.org/fpsimd/'],
          {
            encoding: 'utf8',
          },
        );
        expect(link.stdout).toMatch(
          new RegExp(`^https://example\\.org/fpsimd/#v3&step=${sc.events.length}&`),
        );
      }),
  );

  it('fpsimd-viz spin --swarm: bitstate runs with their own seeds find the bug', { timeout: 600_000 }, () =>
    inTempDir(async (dir) => {
      const r = await spinRun(dir, ['--variant', VARIANT, '--depth', '6', '--cores', '2', '--swarm', '2']);
      expect(r.code).toBe(1);
      const expected = await explorer(['--variant', VARIANT, '--depth', '6']);
      for (const f of r.out.violations) expect(expected).toContain(key(f));
      expect(violationsAtEnd(String(r.out.scenario)).some((k) => expected.has(k))).toBe(true);
    }),
  );

  it('the multi-core model has the same states as the hidden one', { timeout: 600_000 }, () =>
    inTempDir(async (dir) => {
      const plain = await exported(['--variant', 'v4.18', '--depth', '6']);
      const a = states(pan(dir, build(dir, plain, 'pan-a', []), ['-w20']));
      const b = states(pan(dir, build(dir, multicoreModel(plain), 'pan-b', []), ['-w20']));
      expect(a).toBeGreaterThan(1000);
      expect(b).toBe(a);
    }),
  );

  it('refuses spin output with no failed assertion, and a model not written by export', async () => {
    const model = await exported(['--variant', VARIANT, '--depth', '6']);
    const noError = await runCli(['import-trail', 'm.pml', '--spin-output', 'o.txt'], {
      'm.pml': model,
      'o.txt': '  1:\tproc  0 (:init::1) m.pml:674 (state 38)\t[current[0] = 0]\n',
    });
    expect(noError.code).toBe(2);
    expect(noError.err).toMatch(/names no failed assertion/);
    const foreign = await runCli(['import-trail', 'm.pml', '--spin-output', 'o.txt'], {
      'm.pml': 'init { skip }\n',
      'o.txt':
        'spin: text of failed assertion: assert(!(leak_1))\n  2:\tproc  0 (:init::1) m.pml:1 (state 1)\t[cpu = 0]\n',
    });
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/m\.pml:1: spin ran this line as an event, but it is not one/);
  });
});

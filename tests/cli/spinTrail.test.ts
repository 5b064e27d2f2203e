// Beyond one process: a historic variant's model exported for Spin's multi-core verifier (-DNCORE=2)
// and for a swarm of bitstate runs with different seeds, each finding the bug; a trail of pan read
// back by `import-trail` as a scenario that `run` replays to the same violation at its last event.
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

describe('Spin beyond one process', () => {
  it(
    'multi-core and swarm runs find the bug, and import-trail replays it in run',
    { timeout: 600_000 },
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'fpsimd-spin-mc-'));
      try {
        const model = await exported(['--variant', VARIANT, '--depth', '6', '--multicore']);
        expect(model).not.toMatch(/^hidden /m);
        // Multi-core: two cores, work handed over below depth 3.
        const mc = build(dir, model, 'pan-mc', ['-DNCORE=2', '-DMEMLIM=1024']);
        const mcOut = pan(dir, mc, ['-w20', '-z3']);
        expect(mcOut).toMatch(/assertion violated\s+!\(lost_update_\d+\)/);
        // The same model, one process: the trail it writes is whole (a core other than the first
        // writes only its part, model.pml.cpuN_trail).
        const one = build(dir, model, 'pan-one', []);
        expect(pan(dir, one, ['-w20', '-c1'])).toMatch(/wrote model\.pml\.trail/);
        const bin = path.join(ROOT, 'bin/fpsimd-viz.mjs');
        const imported = spawnSync(process.execPath, [bin, 'import-trail', path.join(dir, 'model.pml')], {
          encoding: 'utf8',
        });
        expect(imported.stderr).toBe('');
        expect(imported.status).toBe(0);
        const sc = JSON.parse(imported.stdout);
        expect(sc).toMatchObject({ format: 'fpsimd-scenario/1', variant: VARIANT, cpus: 2 });
        writeFileSync(path.join(dir, 's.json'), imported.stdout);
        const replayed = spawnSync(process.execPath, [bin, 'run', path.join(dir, 's.json'), '--json'], {
          encoding: 'utf8',
        });
        expect(replayed.status).toBe(1);
        const result = JSON.parse(replayed.stdout) as { violations: { step: number; kind: string }[] };
        const last = sc.events.length - 1;
        expect(result.violations.some((v) => v.step === last && v.kind === 'lost-update')).toBe(true);
        // And as a link to the app, opened at the violating step.
        const link = spawnSync(
          process.execPath,
          [bin, 'import-trail', path.join(dir, 'model.pml'), '--link', 'https://example.org/fpsimd/'],
          { encoding: 'utf8' },
        );
        expect(link.stdout).toMatch(
          new RegExp(`^https://example\\.org/fpsimd/#v3&step=${sc.events.length}&`),
        );

        // A swarm: bitstate runs with different seeds and search orders, each one process.
        rmSync(path.join(dir, 'model.pml.trail'));
        const swarm = build(dir, model, 'pan-swarm', ['-DBITSTATE', '-DT_RAND', '-DP_RAND']);
        for (const seed of [1, 2])
          expect(pan(dir, swarm, ['-k3', '-w22', `-RS${seed}`, `-h${seed}`, '-c1'])).toMatch(
            /assertion violated/,
          );
        const fromSwarm = spawnSync(process.execPath, [bin, 'import-trail', path.join(dir, 'model.pml')], {
          encoding: 'utf8',
        });
        expect(fromSwarm.stderr).toBe('');
        expect(fromSwarm.status).toBe(0);
        expect(JSON.parse(fromSwarm.stdout).variant).toBe(VARIANT);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('the multi-core model has the same states as the hidden one', { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fpsimd-spin-mc-'));
    try {
      const plain = await exported(['--variant', 'v4.18', '--depth', '6']);
      const a = states(pan(dir, build(dir, plain, 'pan-a', []), ['-w20']));
      const b = states(pan(dir, build(dir, multicoreModel(plain), 'pan-b', []), ['-w20']));
      expect(a).toBeGreaterThan(1000);
      expect(b).toBe(a);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

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

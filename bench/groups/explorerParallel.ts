// The explorer on every core, as a user runs it: the built command line (`check --json`), so the
// worker threads start as they do for a user. The speed-up of 2 workers over 1 on the same search
// (alternating, one run), and the two large searches exhausted with the default (exact) reductions
// and every core. Each figure's note carries the load average, measured around it.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { C3, C4, THROUGHPUT, type Machine } from '../machines.ts';
import { median } from '../stats.ts';
import type { Metric } from '../types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/fpsimd-viz.mjs');
/** A search stops (and says so in its note) after this long: a slow machine still finishes the run. */
const CAP_S = Number(process.env.EXPLORER_SCALE_CAP_S ?? 600);
const SPEEDUP_ROUNDS = 3;

const load = (): string =>
  os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

interface Checked {
  seconds: number;
  states: number;
  complete: boolean;
  capped: boolean;
}

/** `check --json` of machine m with these arguments, through the built CLI, stopped (Ctrl-C) at the cap. */
function check(dir: string, m: Machine, args: string[]): Promise<Checked> {
  const file = path.join(dir, `m${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ format: 'fpsimd-scenario/1', title: 'bench', events: [], ...m }));
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, 'check', file, '--json', '--variant', 'v4.18', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let capped = false;
    const cap = setTimeout(() => {
      capped = true;
      p.kill('SIGINT');
    }, CAP_S * 1000);
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', () => {
      clearTimeout(cap);
      try {
        const r = JSON.parse(out) as { seconds: number; states: number; complete: boolean };
        resolve({ seconds: r.seconds, states: r.states, complete: r.complete, capped });
      } catch {
        reject(new Error(`check ${args.join(' ')}: no result (${err.slice(-300)})`));
      }
    });
  });
}

const how = (c: Checked): string =>
  c.capped ? `NOT finished: stopped by the ${CAP_S} s cap` : c.complete ? 'exhausted' : 'incomplete';

export async function run(): Promise<Metric[]> {
  await build({ root: ROOT, configFile: path.join(ROOT, 'vite.cli.config.ts'), logLevel: 'warn' });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fpsimd-bench-'));
  // The plain search on the throughput machine, every op, depth 10: 868,596 states.
  const same = ['--depth', '10', '--reduce', 'none'];
  await check(dir, THROUGHPUT, [...same, '--workers', '2']); // warm-up
  const one: number[] = [];
  const two: number[] = [];
  const loadBefore = load();
  let states = 0;
  for (let i = 0; i < SPEEDUP_ROUNDS; i++) {
    const a = await check(dir, THROUGHPUT, [...same, '--workers', '1']);
    const b = await check(dir, THROUGHPUT, [...same, '--workers', '2']);
    if (a.states !== b.states) throw new Error(`1 worker found ${a.states} states, 2 found ${b.states}`);
    states = a.states;
    one.push(a.seconds);
    two.push(b.seconds);
  }
  const speedLoad = `load average ${loadBefore} before, ${load()} after`;
  const c3Load = load();
  const c3 = await check(dir, C3, ['--depth', '1000']);
  const c3At = `load average ${c3Load} before, ${load()} after`;
  const c4Load = load();
  const c4 = await check(dir, C4, ['--depth', '1000', '--ops', 'classic']);
  const c4At = `load average ${c4Load} before, ${load()} after`;
  const cores = os.availableParallelism();
  return [
    {
      name: 'explorer.parallel.speedup',
      value: Math.round((median(one) / median(two)) * 100) / 100,
      unit: 'x',
      target: '>= 1.7',
      better: 'higher',
      note:
        `check --workers 1 over --workers 2, the same search (2 CPUs, two vcpu threads, a user task, a ` +
        `kernel thread, v4.18, every op, depth 10, --reduce none: ${states} states), medians of ` +
        `${SPEEDUP_ROUNDS} alternating runs: ${median(one).toFixed(2)} s against ${median(two).toFixed(2)} s ` +
        `(the search's own seconds, thread start-up included); ${cores} cores; ${speedLoad}`,
    },
    {
      name: 'explorer.c3all.seconds',
      value: Math.round(c3.seconds * 10) / 10,
      unit: 's',
      target: '< 120',
      better: 'lower',
      note:
        `3 CPUs, two vcpu threads, a user task, a kernel thread, v4.18, every op, the default reductions ` +
        `(dead,cpus), every core (${cores}): ${how(c3)}, ${c3.states} states; ${c3At}`,
    },
    {
      name: 'explorer.c4.seconds',
      value: Math.round(c4.seconds * 10) / 10,
      unit: 's',
      target: '< 300',
      better: 'lower',
      note:
        `4 CPUs, two vcpu threads, two user tasks, a kernel thread, v4.18, the first eleven ops, the ` +
        `default reductions (dead,cpus), every core (${cores}): ${how(c4)}, ${c4.states} states; ${c4At}`,
    },
  ];
}

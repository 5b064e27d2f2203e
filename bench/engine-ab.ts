/**
 * The engine group's replay beside another git revision's, in one process, in turns:
 * `npm run bench:engine-ab -- [--rev REV] [--rounds N] [--variant ID]` (REV: main by default).
 * Each round replays the engine group's scenario (100,000 random events on 4 CPUs, every op) once with
 * each engine, the order alternating; it prints both medians (wall clock and CPU time of this process),
 * the median of the per-round ratios (today / REV) and the load average before and after. CPU time is
 * the steadier on a shared machine: another process's burst stretches the wall clock, not it. Both
 * engines must give the same replay (violations, counters, owners, bounds, final state), else it stops.
 */
import os from 'node:os';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as today from '../src/engine/index.ts';
import { exportRevision } from './revision.ts';
import { median } from './stats.ts';

type Engine = typeof today;

const EVENTS = 100_000;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const v = process.argv[at + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`--${name} needs a value`);
  return v;
}

/** The replay of the engine group's scenario with engine e: a function returning events replayed. */
function workload(e: Engine, variant: string): { run: () => number; summary: () => string } {
  const sc = e.randomScenario({ cpus: 4, vcpuThreads: 2, tasks: 3, kthreads: 1 }, EVENTS, 2024);
  const v = e.findVariant(variant);
  if (!v) throw new Error(`no variant ${variant}`);
  const m = e.createMachine(sc, v);
  return {
    run: () => e.replay(m, sc.events).length,
    summary: () => {
      const r = e.replay(m, sc.events);
      const own = Array.from(r.owners);
      return JSON.stringify([
        sc.events,
        r.length,
        r.violations,
        Array.from(r.counters),
        own,
        r.bounds,
        r.final,
      ]);
    },
  };
}

/** Events per second of one run: by the wall clock and by this process's CPU time. */
function measure(run: () => number): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const n = run();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall: n / wall, cpu: n / ((c.user + c.system) / 1e6) };
}

async function main(): Promise<void> {
  const rev = option('rev', 'main');
  const rounds = Number(option('rounds', '15'));
  const variant = option('variant', 'v4.18');
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds needs a positive integer');
  const temps: string[] = [];
  try {
    const src = exportRevision(rev, temps);
    const ref = (await import(pathToFileURL(path.join(src, 'src/engine/index.ts')).href)) as Engine;
    const a = workload(ref, variant);
    const b = workload(today, variant);
    if (a.summary() !== b.summary()) throw new Error(`the two engines replay differently (${rev} and today)`);
    for (let i = 0; i < 3; i++) {
      a.run();
      b.run();
    }
    const load0 = os.loadavg()[0];
    const ra: { wall: number; cpu: number }[] = [];
    const rb: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < rounds; i++) {
      // Turns alternate, so neither engine always runs right after the other.
      const first = i % 2 === 0 ? a : b;
      const second = first === a ? b : a;
      const x = measure(first.run);
      const y = measure(second.run);
      ra.push(first === a ? x : y);
      rb.push(first === a ? y : x);
    }
    const ratio = (k: 'wall' | 'cpu'): number => median(rb.map((x, i) => x[k] / ra[i][k]));
    const med = (xs: { wall: number; cpu: number }[], k: 'wall' | 'cpu'): number =>
      Math.round(median(xs.map((x) => x[k])));
    console.log(
      JSON.stringify({
        rev,
        variant,
        rounds,
        eventsPerSecond: {
          [rev]: { wall: med(ra, 'wall'), cpu: med(ra, 'cpu') },
          today: { wall: med(rb, 'wall'), cpu: med(rb, 'cpu') },
        },
        ratio: { wall: +ratio('wall').toFixed(3), cpu: +ratio('cpu').toFixed(3) },
        load: [load0, os.loadavg()[0]].map((l) => +l.toFixed(2)),
      }),
    );
  } finally {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

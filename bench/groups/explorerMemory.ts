// The memory a search really takes: the built CLI's `check --json` on a machine, its peak resident set
// size (getrusage) against the bound it states, and the growth per stored state (peak minus the
// resident size when the search was set up, over the states). explorer.bytesPerState.big is the
// issue's machine, 8 CPUs with 32 tasks, at 1,000,000 states; explorer.bytesPerState.reference the
// reference configuration at the same count. These are the figures `check --help` quotes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { BIG, REFERENCE, type Machine } from '../machines.ts';
import type { Metric } from '../types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/fpsimd-viz.mjs');
const STATES = 1_000_000;

interface Measured {
  states: number;
  seconds: number;
  peak: number;
  start: number;
  bound: number;
}

function measure(name: string, m: Machine): Measured {
  const dir = mkdtempSync(path.join(tmpdir(), 'fpsimd-mem-'));
  try {
    const file = path.join(dir, `${name}.json`);
    writeFileSync(file, JSON.stringify({ format: 'fpsimd-scenario/1', title: name, ...m, events: [] }));
    const args = [BIN, 'check', file, '--depth', '1000', '--max-states', String(STATES), '--json'];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`check ${name} exited ${r.status}: ${r.stderr}`);
    const j = JSON.parse(r.stdout) as {
      states: number;
      seconds: number;
      memory: { peakBytes: number; startBytes: number; boundBytes: number; source: string };
    };
    if (j.memory.source !== 'resident') throw new Error(`check ${name}: memory not measured`);
    return {
      states: j.states,
      seconds: j.seconds,
      peak: j.memory.peakBytes,
      start: j.memory.startBytes,
      bound: j.memory.boundBytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MB = (b: number): string => `${(b / 1024 ** 2).toFixed(0)} MB`;

function metric(name: string, what: string, x: Measured, load: string): Metric {
  return {
    name,
    value: Math.round(((x.peak - x.start) / x.states) * 10) / 10,
    unit: 'B',
    better: 'lower',
    note:
      `${what}: peak resident set growth per state of \`check --max-states ${STATES}\` (the built CLI), ` +
      `${x.states} states in ${x.seconds.toFixed(1)} s; resident at the start ${MB(x.start)}, peak ` +
      `${MB(x.peak)}, stated bound ${MB(x.bound)} (${x.peak <= x.bound ? 'within' : 'OVER'} it); load ${load}`,
  };
}

export async function run(): Promise<Metric[]> {
  await build({ root: ROOT, configFile: path.join(ROOT, 'vite.cli.config.ts'), logLevel: 'warn' });
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const ref = measure('reference', REFERENCE);
  const big = measure('big', BIG);
  return [
    metric('explorer.bytesPerState.reference', 'reference configuration, v4.18, every op', ref, load),
    metric('explorer.bytesPerState.big', '8 CPUs with 32 tasks, v4.18, every op', big, load),
    {
      name: 'explorer.memory.peakOverBound',
      value: Math.round((big.peak / big.bound) * 1000) / 1000,
      unit: 'ratio',
      target: '< 1',
      better: 'lower',
      note: `8 CPUs with 32 tasks at ${STATES} states: peak ${MB(big.peak)} over the stated bound ${MB(big.bound)}`,
    },
  ];
}

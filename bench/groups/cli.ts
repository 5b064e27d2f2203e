// Start-up of the command line: `fpsimd-viz variants` (the installed bin, running the built file) against
// `node -e 0`, run alternately in one loop so both see the same machine load.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'vite';
import { median } from '../stats.ts';
import type { Metric } from '../types.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/fpsimd-viz.mjs');
const ROUNDS = 15;

function timeMs(args: string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export async function run(): Promise<Metric[]> {
  // Measure today's sources: rebuild the file the bin runs.
  await build({ root: ROOT, configFile: path.join(ROOT, 'vite.cli.config.ts'), logLevel: 'warn' });
  const cli: number[] = [];
  const bare: number[] = [];
  timeMs([BIN, 'variants']); // warm the file cache
  for (let i = 0; i < ROUNDS; i++) {
    bare.push(timeMs(['-e', '0']));
    cli.push(timeMs([BIN, 'variants']));
  }
  const ratios = cli.map((c, i) => c / bare[i]);
  return [
    {
      name: 'cli.startRatio',
      value: Math.round(median(ratios) * 100) / 100,
      unit: 'x',
      target: '<= 1.3',
      better: 'lower',
      note: `median over ${ROUNDS} alternating pairs of fpsimd-viz variants / node -e 0`,
    },
    { name: 'cli.start.ms', value: Math.round(median(cli)), unit: 'ms', better: 'lower' },
    { name: 'cli.nodeStart.ms', value: Math.round(median(bare)), unit: 'ms', better: 'lower' },
  ];
}

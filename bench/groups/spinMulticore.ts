// The built-in explorer against Spin's multi-core verifier on the same question: the reference
// configuration under v4.18 with every op, exhaustively to depth 10. explore() in this process (the
// explorer as it is in this tree) against pan compiled with -DNCORE=2 from the model of `export
// --promela --multicore`, run from start to exit with work handed to the second core below depth 3
// (-z3); and, in the note, the same model's one-process pan. Alternating runs after a warm-up.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { findVariant } from '../../src/engine/index.ts';
import { EXPLORER_OPS, explore } from '../../src/engine/explore/index.ts';
import { promelaModel } from '../../src/engine/promela/index.ts';
import { multicoreFlags } from '../../src/cli/panReport.ts';
import { multicoreModel } from '../../src/cli/spinModel.ts';
import { requireSpin } from '../../scripts/spin.ts';
import { REFERENCE } from '../machines.ts';
import { median } from '../stats.ts';
import type { Metric } from '../types.ts';

const DEPTH = 10;
const RUNS = 3;
const CORES = 2;

export async function run(): Promise<Metric[]> {
  const { spin, cc } = requireSpin();
  const variant = findVariant('v4.18');
  if (!variant) throw new Error('v4.18 is missing');
  const dir = mkdtempSync(path.join(tmpdir(), 'fpsimd-spin-mc-'));
  try {
    const model = multicoreModel(promelaModel(REFERENCE, variant, { depth: DEPTH, ops: EXPLORER_OPS }));
    writeFileSync(path.join(dir, 'model.pml'), model);
    execFileSync(spin, ['-a', 'model.pml'], { cwd: dir });
    const panH = readFileSync(path.join(dir, 'pan.h'), 'utf8');
    execFileSync(cc, ['-O2', '-DSAFETY', ...multicoreFlags(panH, CORES, 2048), '-o', 'pan-mc', 'pan.c'], {
      cwd: dir,
    });
    execFileSync(cc, ['-O2', '-DSAFETY', '-o', 'pan-one', 'pan.c'], { cwd: dir });
    const timePan = (bin: string, args: string[]): { seconds: number; out: string } => {
      const t0 = performance.now();
      const r = spawnSync(path.join(dir, bin), args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
      const seconds = (performance.now() - t0) / 1000;
      // Spin 6.5.2's multi-core verifier crashed at its first hand-off with the default frame size
      // (panReport.ts: multicoreFlags): a run that did not end well is no time.
      if (r.status !== 0 || !/errors: 0/.test(r.stdout))
        throw new Error(`pan ${args.join(' ')} ended with status ${r.status}: ${r.stdout.slice(-500)}`);
      return { seconds, out: r.stdout };
    };
    const timeExplorer = (): { seconds: number; states: number } => {
      const t0 = performance.now();
      const r = explore(REFERENCE, variant, { depth: DEPTH, ops: EXPLORER_OPS });
      if (r.violations.length > 0 || !r.complete) throw new Error('the explorer should find v4.18 clean');
      return { seconds: (performance.now() - t0) / 1000, states: r.states };
    };
    timeExplorer();
    timePan('pan-mc', ['-w22', '-z3']);
    const ex: number[] = [];
    const mc: number[] = [];
    const one: number[] = [];
    let states = 0;
    for (let i = 0; i < RUNS; i++) {
      const e = timeExplorer();
      ex.push(e.seconds);
      states = e.states;
      mc.push(timePan('pan-mc', ['-w22', '-z3']).seconds);
      one.push(timePan('pan-one', ['-w22']).seconds);
    }
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    return [
      {
        name: 'explorer.vsSpinMulticore.ratio',
        value: Math.round((median(ex) / median(mc)) * 1000) / 1000,
        unit: 'ratio',
        better: 'lower',
        note:
          `reference configuration, v4.18, every op, depth ${DEPTH}, exhaustive; medians of ${RUNS} alternating ` +
          `runs after a warm-up: the built-in explorer ${median(ex).toFixed(2)} s (${states} states) over ` +
          `Spin's pan -DNCORE=${CORES} -z3 ${median(mc).toFixed(2)} s (cc -O2, export --multicore model); ` +
          `the same model's one-process pan ${median(one).toFixed(2)} s; load ${load}`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

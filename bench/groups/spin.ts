// The explorer against Spin: explorer.vsSpin.ratio is the explorer's time over Spin's on the same
// question, the reference configuration under v4.18 at depth 12 with every op (the explorer's
// default, at most one pending signal frame per task), exhaustively: explore() in this process
// against the compiled pan verifier of `fpsimd-viz export --promela` (compiled with -O2, its run
// timed from process start to exit). explorer.vsSpin.classicRatio is the same with the first eleven
// ops. Needs Debian's spin and a C compiler (scripts/spin.ts).
import { execFileSync } from 'node:child_process';
import { findVariant, type Op } from '../../src/engine/index.ts';
import { buildConfig } from '../../src/engine/config.ts';
import { CLASSIC_OPS, EXPLORER_OPS, explore } from '../../src/engine/explore/index.ts';
import { promelaModel, promelaOwners } from '../../src/engine/promela/index.ts';
import { compilePan, PAN_ARGS, readPanReport, requireSpin } from '../../scripts/spin.ts';
import { REFERENCE } from '../machines.ts';
import { median } from '../stats.ts';
import type { Metric } from '../types.ts';

const DEPTH = 12;

interface Side {
  name: string;
  label: string;
  ops: readonly Op[];
  /** Alternating runs after a warm-up; fewer for the larger space. */
  runs: number;
}

const SIDES: readonly Side[] = [
  { name: 'explorer.vsSpin.ratio', label: 'every op', ops: EXPLORER_OPS, runs: 5 },
  { name: 'explorer.vsSpin.classicRatio', label: 'the first eleven ops', ops: CLASSIC_OPS, runs: 9 },
];

async function measure(side: Side): Promise<{ metric: Metric; compileSeconds: number }> {
  const variant = findVariant('v4.18');
  if (!variant) throw new Error('v4.18 is missing');
  const owners = promelaOwners(buildConfig(REFERENCE));
  const c0 = performance.now();
  const pan = await compilePan(promelaModel(REFERENCE, variant, { depth: DEPTH, ops: side.ops }), ['-O2']);
  const compileSeconds = (performance.now() - c0) / 1000;
  try {
    const timeExplorer = () => {
      const t0 = performance.now();
      const r = explore(REFERENCE, variant, { depth: DEPTH, ops: side.ops });
      return { seconds: (performance.now() - t0) / 1000, states: r.states, clean: r.violations.length === 0 };
    };
    const timeSpin = () => {
      const t0 = performance.now();
      const out = execFileSync(pan.path, PAN_ARGS, { encoding: 'utf8', maxBuffer: 64 << 20 });
      return readPanReport(out, (performance.now() - t0) / 1000, owners);
    };
    timeExplorer();
    timeSpin();
    // Alternate the two so that the machine's load falls on both alike.
    const ex: number[] = [];
    const sp: number[] = [];
    let lastEx = timeExplorer();
    let lastSp = timeSpin();
    for (let i = 0; i < side.runs; i++) {
      lastEx = timeExplorer();
      ex.push(lastEx.seconds);
      lastSp = timeSpin();
      sp.push(lastSp.seconds);
    }
    if (!lastSp.complete || lastSp.kinds.length > 0 || !lastEx.clean)
      throw new Error('Spin and the explorer should both find v4.18 clean on the reference configuration');
    const e = median(ex);
    const s = median(sp);
    return {
      compileSeconds,
      metric: {
        name: side.name,
        value: Math.round((e / s) * 1000) / 1000,
        unit: 'ratio',
        target: '< 1',
        better: 'lower',
        note:
          `reference configuration, v4.18, depth ${DEPTH}, ${side.label}, exhaustive; medians of ${side.runs} ` +
          `alternating runs after a warm-up: explorer ${(e * 1000).toFixed(1)} ms (${lastEx.states} states), ` +
          `Spin's pan ${(s * 1000).toFixed(1)} ms wall from start to exit (${lastSp.states} states with the ` +
          `step count, ${lastSp.transitions} transitions; cc -O2, pan ${PAN_ARGS.join(' ')})`,
      },
    };
  } finally {
    pan.dispose();
  }
}

export async function run(): Promise<Metric[]> {
  requireSpin();
  const out: Metric[] = [];
  let compile = 0;
  for (const side of SIDES) {
    const m = await measure(side);
    out.push(m.metric);
    compile += m.compileSeconds;
  }
  out.push({
    name: 'spin.compile.seconds',
    value: Math.round(compile * 100) / 100,
    unit: 's',
    better: 'lower',
    note: 'spin -a and cc -O2 of the two v4.18 reference models, every op and the first eleven (not part of the ratios)',
  });
  return out;
}

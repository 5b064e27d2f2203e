// The explorer at scale: 3 CPUs exhausted, 4 CPUs to depth 14, and the memory a stored state takes.
// The large searches use the exact reductions that pay there (docs/explorer.md): every renaming of
// CPUs and interchangeable contexts (their starts fix none but the identity, so the default exact
// symmetry has nothing to use) and dead variables; the verdict (clean, exhausted) is the plain
// search's. They are capped in time (SCALE_CAP_S) so that a slow machine still finishes the run; a
// capped search says so in its note and its seconds are then a lower bound.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { findVariant } from '../../src/engine/index.ts';
import { CLASSIC_OPS, createSearch, explore, type ExploreResult } from '../../src/engine/explore/index.ts';
import { C3, C4, THROUGHPUT, type Machine } from '../machines.ts';
import type { Metric } from '../types.ts';

/** The throughput machine of explorer.ts, for the memory a state takes. */
const MEMORY = THROUGHPUT;

const SCALE_CAP_S = Number(process.env.EXPLORER_SCALE_CAP_S ?? 600);

const load = (): string => {
  const os = createRequire(import.meta.url)('node:os') as typeof import('node:os');
  return os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
};

function timedSearch(cfg: Machine, depth: number): { r: ExploreResult; seconds: number; capped: boolean } {
  const v = findVariant('v4.18');
  if (!v) throw new Error('v4.18 is missing');
  const t0 = performance.now();
  let capped = false;
  const r = explore(cfg, v, {
    depth,
    ops: CLASSIC_OPS, // the figures' definition (issue 13) predates the section and lifecycle ops
    symmetry: 'classes',
    dead: true,
    shouldStop: () => (capped = performance.now() - t0 > SCALE_CAP_S * 1000),
  });
  return { r, seconds: (performance.now() - t0) / 1000, capped };
}

const how = (x: { r: ExploreResult; capped: boolean }): string =>
  x.capped
    ? `NOT finished: stopped by the ${SCALE_CAP_S} s cap at depth ${x.r.exploredDepth}`
    : x.r.exhausted
      ? `exhausted (the deepest state at depth ${x.r.lastDepth})`
      : x.r.complete
        ? `complete to depth ${x.r.depth}`
        : `stopped: ${x.r.stopped}`;

/** Memory (heap and array buffers, after a full GC) a search holds, per stored state. */
function bytesPerState(): { bytes: number; states: number } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const v = findVariant('v4.18');
  if (!v) throw new Error('v4.18 is missing');
  const used = (): number => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  const s = createSearch(MEMORY, v, { depth: 14, ops: CLASSIC_OPS });
  s.advance();
  const after = used();
  const states = s.progress().states;
  return { bytes: (after - before) / states, states };
}

export async function run(): Promise<Metric[]> {
  const mem = bytesPerState();
  const c3 = timedSearch(C3, 1000);
  const c4 = timedSearch(C4, 14);
  const at = `load average ${load()}`;
  return [
    {
      name: 'explorer.bytesPerState',
      value: Math.round(mem.bytes * 10) / 10,
      unit: 'B',
      better: 'lower',
      note:
        `heap and array-buffer memory held by a search, after a full GC, over its ${mem.states} states ` +
        `(2 CPUs, two vcpu threads, a user task, a kernel thread, v4.18, depth 14); the store's bound ` +
        `(store.ts: the record and up to 4 index slots) is what the default --max-states is sized by`,
    },
    {
      name: 'explorer.c3.seconds',
      value: Math.round(c3.seconds * 10) / 10,
      unit: 's',
      target: '< 60',
      better: 'lower',
      note:
        `3 CPUs, two vcpu threads, a user task, a kernel thread, v4.18, every renaming and dead ` +
        `variables: ${how(c3)}; ${at}`,
    },
    {
      name: 'explorer.c3.states',
      value: c3.r.states,
      unit: 'states',
      note: `${c3.r.transitions} transitions, ${c3.r.symmetries} renaming(s); ${how(c3)}`,
    },
    {
      name: 'explorer.c4depth14.seconds',
      value: Math.round(c4.seconds * 10) / 10,
      unit: 's',
      target: '< 120',
      better: 'lower',
      note:
        `4 CPUs, two vcpu threads, two user tasks, a kernel thread, v4.18, every renaming and dead ` +
        `variables, depth 14: ${how(c4)}; ` +
        `${c4.r.states} states, ${c4.r.symmetries} renaming(s); ${at}`,
    },
  ];
}

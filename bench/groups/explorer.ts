// The explorer in Node: distinct states per second on a larger machine with every op (and, in its note,
// the first eleven), the reference configuration at depth 12 per era on the first eleven ops
// (the worker's ratio to Node is measured by the app's worker bench), what sleep sets save and cost,
// and the bug gallery, with every op.
import {
  GALLERY_DEPTH,
  GALLERY_MACHINE,
  VARIANTS,
  findVariant,
  galleryOptions,
  galleryVariants,
} from '../../src/engine/index.ts';
import { CLASSIC_OPS, EXPLORER_OPS, explore } from '../../src/engine/explore/index.ts';
import { REFERENCE, THROUGHPUT } from '../machines.ts';
import { median } from '../stats.ts';
import type { Metric } from '../types.ts';

/** THROUGHPUT's depths: about 380,000 states with every op, 250,000 with the first eleven. */
const THROUGHPUT_DEPTH = 9;
const THROUGHPUT_CLASSIC_DEPTH = 13;

/** Wall-clock and CPU seconds of fn over `runs` timed runs after one warm-up, with fn's last result. */
function timed<T>(fn: () => T, runs: number): { seconds: number[]; cpu: number[]; last: T } {
  let last = fn();
  const seconds: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = fn();
    seconds.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6);
  }
  return { seconds, cpu, last };
}

export async function run(): Promise<Metric[]> {
  const v4_18 = findVariant('v4.18');
  if (!v4_18) throw new Error('v4.18 is missing');
  const big = timed(() => explore(THROUGHPUT, v4_18, { depth: THROUGHPUT_DEPTH, ops: EXPLORER_OPS }), 5);
  const rate = big.last.states / median(big.seconds);
  const cpuRate = big.last.states / median(big.cpu);
  const classic = timed(
    () => explore(THROUGHPUT, v4_18, { depth: THROUGHPUT_CLASSIC_DEPTH, ops: CLASSIC_OPS }),
    3,
  );
  const classicRate = classic.last.states / median(classic.seconds);
  const slept = timed(
    () => explore(THROUGHPUT, v4_18, { depth: THROUGHPUT_DEPTH, ops: EXPLORER_OPS, sleep: true }),
    3,
  );
  if (slept.last.states !== big.last.states) throw new Error('sleep sets changed the number of states');

  const eras = VARIANTS.filter((v) => v.ablation === null);
  const perEra = eras.map((era) => {
    const r = timed(() => explore(REFERENCE, era, { depth: 12, ops: CLASSIC_OPS }), 7);
    if (!r.last.complete || r.last.violations.length > 0)
      throw new Error(`${era.id}: reference check failed`);
    return { id: era.id, seconds: median(r.seconds), states: r.last.states };
  });
  const slowest = perEra.reduce((a, b) => (b.seconds > a.seconds ? b : a));

  // The bug gallery: each historic variant searched until its first (shortest) violation, every op.
  const gallery = galleryVariants().map((v) => {
    const r = explore(GALLERY_MACHINE, v, galleryOptions(true));
    const c = r.violations[0];
    if (!c) throw new Error(`${v.id}: not found within ${GALLERY_DEPTH} events on the gallery machine`);
    return { id: v.id, seconds: r.seconds, states: r.states, length: c.events.length };
  });
  const gallerySeconds = gallery.reduce((a, g) => a + g.seconds, 0);

  return [
    {
      name: 'explorer.node.statesPerSecond',
      value: Math.round(rate),
      unit: 'states/s',
      target: '>= 1000000',
      better: 'higher',
      note:
        `distinct states per second of wall time, v4.18, every op, 2 CPUs with two vcpu threads, a user task ` +
        `and a kernel thread, depth ${THROUGHPUT_DEPTH} (${big.last.states} states, ${big.last.transitions} ` +
        `transitions); median of 5 runs after a warm-up; per CPU second: ${Math.round(cpuRate)}; the first ` +
        `eleven ops at depth ${THROUGHPUT_CLASSIC_DEPTH} (${classic.last.states} states): ` +
        `${Math.round(classicRate)} states/s (median of 3)`,
    },
    {
      name: 'explorer.sleep.timeRatio',
      value: Math.round((median(slept.seconds) / median(big.seconds)) * 100) / 100,
      unit: 'x',
      better: 'lower',
      note:
        `the throughput search with sleep sets over without (median of 3 and of 5 runs): same ` +
        `${slept.last.states} states, ${slept.last.transitions} transitions instead of ` +
        `${big.last.transitions} (${Math.round((1 - slept.last.transitions / big.last.transitions) * 100)}% ` +
        `fewer); above 1, sleep sets cost more than they save (why they are off by default)`,
    },
    {
      name: 'explorer.reference.seconds',
      value: Math.round(slowest.seconds * 1000) / 1000,
      unit: 's',
      target: '< 5',
      better: 'lower',
      note:
        'reference configuration at depth 12, the slowest era (median of 7 runs after a warm-up): ' +
        perEra.map((e) => `${e.id} ${e.seconds.toFixed(3)} s / ${e.states} states`).join(', '),
    },
    {
      name: 'explorer.gallery.seconds',
      value: Math.round(gallerySeconds * 1000) / 1000,
      unit: 's',
      target: '< 60',
      better: 'lower',
      note:
        `every historic variant found on the gallery machine (every op, depth ${GALLERY_DEPTH}, stopping at ` +
        `the first violation), summed: ` +
        gallery
          .map((g) => `${g.id} ${g.length} events ${g.seconds.toFixed(2)} s / ${g.states} states`)
          .join(', '),
    },
  ];
}

// Engine replay throughput on a 100,000-event random scenario on 4 CPUs, with and without records.
import { createMachine, findVariant, randomScenario, replay, replayRecords } from '../../src/engine/index.ts';
import { median } from '../stats.ts';
import type { Metric } from '../types.ts';

const EVENTS = 100_000;

/** Events per second of fn over `runs` timed runs after one warm-up. */
function rate(fn: () => number, runs: number): number {
  fn();
  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const n = fn();
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  return Math.round(median(rates));
}

export async function run(): Promise<Metric[]> {
  const sc = randomScenario({ cpus: 4, vcpuThreads: 2, tasks: 3, kthreads: 1 }, EVENTS, 2024);
  const m = createMachine(sc, findVariant('v4.18')!);
  const plain = rate(() => replay(m, sc.events).length, 7);
  // Records are streamed to a consumer that reads them (as the CLI and the UI do), not retained.
  const records = rate(() => {
    let calls = 0;
    replayRecords(m, sc.events, (r) => (calls += r.calls.length + r.changes.length));
    return calls > 0 ? sc.events.length : 0;
  }, 5);
  const heap = process.memoryUsage().heapUsed;
  return [
    {
      name: 'engine.replay.eventsPerSecond',
      value: plain,
      unit: 'events/s',
      target: '>= 5000000',
      better: 'higher',
    },
    {
      name: 'engine.replayWithRecords.eventsPerSecond',
      value: records,
      unit: 'events/s',
      target: '>= 200000',
      better: 'higher',
    },
    {
      name: 'engine.heapUsedMB',
      value: Math.round(heap / 1e5) / 10,
      unit: 'MB',
      better: 'lower',
      note: 'after the runs',
    },
  ];
}

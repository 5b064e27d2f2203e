// Property, per era: no violation for any legal event sequence. fast-check draws a machine (1 to 4
// CPUs; vcpu threads, tasks and kernel threads) and a list of choices; each choice picks one of the
// events legal at that point under that era (eventsFromChoices), so shrinking keeps it legal. All
// ops are drawn, the kernel-mode NEON sections and lifecycle ops too: v6.15's and v6.16's sequences preempt
// and migrate open sections, v4.x's cannot (kernel_neon_busy). On failure fast-check prints the seed and path that reproduce it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMachine, eventsFromChoices, findVariant, machineScenario, replay } from '../../../src/engine';
import { ERA_IDS } from './helpers';

const RUNS = 10_000;

const machines = fc.record({
  cpus: fc.integer({ min: 1, max: 4 }),
  vcpuThreads: fc.integer({ min: 1, max: 2 }),
  tasks: fc.integer({ min: 0, max: 2 }),
  kthreads: fc.integer({ min: 0, max: 1 }),
});

describe.each(ERA_IDS)('%s never reports a violation', (era) => {
  it(`over ${RUNS.toLocaleString('en')} random legal sequences of up to 30 events`, () => {
    const variant = findVariant(era)!;
    let events = 0;
    let sequences = 0;
    fc.assert(
      fc.property(
        machines,
        fc.array(fc.nat(), { minLength: 1, maxLength: 30, size: 'max' }),
        (o, choices) => {
          const sc = machineScenario(o);
          const evs = eventsFromChoices(sc, choices, era);
          const r = replay(createMachine(sc, variant), evs);
          events += r.length;
          sequences++;
          expect(r.illegal).toBeNull();
          expect(r.violations).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
    expect(sequences).toBe(RUNS);
    expect(events).toBeGreaterThan(RUNS * 10);
    // About 1.5 s alone; the limit only guards against a loaded machine, not a speed target.
  }, 60_000);
});

// Property: v4.18 reports no violation for any legal event sequence (fast-check, >= 10,000 runs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMachine, eventsFromChoices, findVariant, machineScenario, replay } from '../../src/engine';

const machines = fc.record({
  cpus: fc.integer({ min: 1, max: 4 }),
  vcpuThreads: fc.integer({ min: 1, max: 2 }),
  tasks: fc.integer({ min: 0, max: 2 }),
  kthreads: fc.integer({ min: 0, max: 1 }),
});

describe('v4.18 never reports a violation', () => {
  it('over 10,000 random legal sequences on 1 to 4 CPUs', () => {
    const v418 = findVariant('v4.18')!;
    let events = 0;
    fc.assert(
      // Choices pick among the legal events at each step, so shrinking keeps sequences legal.
      fc.property(
        machines,
        fc.array(fc.nat(), { minLength: 5, maxLength: 50, size: 'max' }),
        (o, choices) => {
          const sc = machineScenario(o);
          const evs = eventsFromChoices(sc, choices);
          const r = replay(createMachine(sc, v418), evs);
          events += r.length;
          expect(r.illegal).toBeNull();
          expect(r.violations).toEqual([]);
        },
      ),
      { numRuns: 10_000 },
    );
    expect(events).toBeGreaterThan(150_000);
  }, 60_000);
});

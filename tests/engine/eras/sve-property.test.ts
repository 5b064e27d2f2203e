// Properties on SVE machines ("sve": true), per era: random legal sequences drawn with every op, the
// six SVE ops included (eventsFromChoices), on 1 to 3 CPUs, VHE or nVHE, with an SVE vcpu where the
// era has guest SVE. The lists come from the engine's own data: an era with SVE code (a do_sve_acc
// hook) and no bug of its own (Era.releaseBugs) must stay clean; an era with bugs of its own is not
// claimed clean (the gallery finds them, tests/cli/gallery.test.ts); every era must run every such
// sequence without an exception, legally.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMachine,
  ERAS,
  eventsFromChoices,
  findVariant,
  machineScenario,
  replay,
  type Era,
} from '../../../src/engine';

const RUNS = 10_000;
const MAX_EVENTS = 40;

const machines = (era: Era) =>
  fc.record({
    cpus: fc.integer({ min: 1, max: 3 }),
    vcpuThreads: fc.integer({ min: 0, max: 1 }),
    tasks: fc.integer({ min: 1, max: 2 }),
    kthreads: fc.integer({ min: 0, max: 1 }),
    sve: fc.constant(true),
    vcpuSve: fc.constant(era.guestSve ? 1 : 0),
    vhe: fc.boolean(),
  });

/** Runs the property; returns how many sequences had a violation. */
function run(
  era: Era,
  clean: boolean,
  runs: number,
): { sequences: number; violating: number; events: number } {
  const variant = findVariant(era.id)!;
  let sequences = 0;
  let violating = 0;
  let events = 0;
  fc.assert(
    fc.property(
      machines(era),
      fc.array(fc.nat(), { minLength: 1, maxLength: MAX_EVENTS, size: 'max' }),
      (o, choices) => {
        const sc = machineScenario(o);
        const evs = eventsFromChoices(sc, choices, era.id);
        const r = replay(createMachine(sc, variant), evs);
        sequences++;
        events += r.length;
        if (r.violations.length) violating++;
        expect(r.illegal).toBeNull();
        if (clean) expect(r.violations).toEqual([]);
      },
    ),
    { numRuns: runs },
  );
  return { sequences, violating, events };
}

const withSveCode = ERAS.filter((e) => e.do_sve_acc !== undefined);

describe.each(ERAS.map((e) => [e.id, e] as const))('%s with SVE', (_id, era) => {
  const clean = era.do_sve_acc !== undefined && !era.releaseBugs?.length;
  it(
    clean
      ? `never reports a violation over ${RUNS.toLocaleString('en')} random SVE sequences`
      : `runs ${RUNS.toLocaleString('en')} random SVE sequences legally and without an exception (not claimed clean: ${era.releaseBugs?.length ? 'bugs of its own' : 'no SVE code'})`,
    () => {
      const r = run(era, clean, RUNS);
      expect(r.sequences).toBe(RUNS);
      expect(r.events).toBeGreaterThan(RUNS * 5);
      if (clean) expect(r.violating).toBe(0);
    },
    120_000,
  );
});

describe('SVE random sequences', () => {
  it('draw the SVE ops on SVE machines, and only there', () => {
    const era = ERAS[ERAS.length - 1];
    const base = { cpus: 2, vcpuThreads: 1, tasks: 1, kthreads: 0 };
    const choices = Array.from({ length: 400 }, (_, i) => (i * 7919) % 1009);
    const sveOps = new Set([
      'user_sve',
      'do_sve_acc',
      'prctl_set_vl',
      'ptrace_setsve',
      'ptrace_getsve',
      'guest_zcr',
    ]);
    const withSve = eventsFromChoices(machineScenario({ ...base, sve: true }), choices, era.id);
    const without = eventsFromChoices(machineScenario(base), choices, era.id);
    expect(withSve.some((e) => sveOps.has(e.op))).toBe(true);
    expect(without.some((e) => sveOps.has(e.op))).toBe(false);
    expect(machineScenario(base)).not.toHaveProperty('sve');
  });

  it('names the eras with SVE code (a do_sve_acc hook), which the clean property covers', () => {
    expect(withSveCode.every((e) => typeof e.do_sve_acc === 'function')).toBe(true);
  });
});

// Properties on SVE machines ("sve": true), per era: random legal sequences drawn with every op, the
// six SVE ops included (eventsFromChoices), on 1 to 3 CPUs, VHE or nVHE, with an SVE vcpu where the
// era has guest SVE. The lists come from the engine's own data: the eras the SVE gallery claims clean
// (sveCleanEras(): those without a bug of their own, and v6.15 and v6.16 with their release bugs
// fixed, src/engine/fixedBase.ts) must stay clean on 10,000 sequences each; the eras as released with
// bugs of their own are not claimed clean (the gallery finds them, tests/cli/gallery.test.ts) and must
// run such sequences without an exception, legally (1,000 each: the clean runs cover the same code).
// Sequences have at most 24 events: every SVE bug the gallery finds needs 5 to 14.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMachine,
  ERAS,
  eventsFromChoices,
  findVariant,
  machineScenario,
  replay,
  sveCleanEras,
  type Era,
  type Variant,
} from '../../../src/engine';

const RUNS = 10_000;
const LEGAL_RUNS = 1_000;
const MAX_EVENTS = 24;

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
  variant: Variant,
  clean: boolean,
  runs: number,
): { sequences: number; violating: number; events: number } {
  const era = variant.era;
  let sequences = 0;
  let violating = 0;
  let events = 0;
  fc.assert(
    fc.property(
      machines(era),
      fc.array(fc.nat(), { minLength: 1, maxLength: MAX_EVENTS, size: 'max' }),
      (o, choices) => {
        const sc = machineScenario(o);
        // Drawn under the variant itself: a fixed base's states (and so legality) may differ from its era's.
        const evs = eventsFromChoices(sc, choices, variant.id);
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
const claimed = sveCleanEras();
/** The eras as released that have bugs of their own (not claimed clean as they are). */
const released = ERAS.filter((e) => !claimed.some((v) => v.id === e.id)).map((e) => findVariant(e.id)!);

describe.each(claimed.map((v) => [v.id, v] as const))('%s with SVE', (_id, variant) => {
  it(`never reports a violation over ${RUNS.toLocaleString('en')} random SVE sequences`, () => {
    const r = run(variant, true, RUNS);
    expect(r.sequences).toBe(RUNS);
    expect(r.events).toBeGreaterThan(RUNS * 5);
    expect(r.violating).toBe(0);
  }, 120_000);
});

describe.each(released.map((v) => [v.id, v] as const))('%s with SVE, as released', (_id, variant) => {
  it(`runs ${LEGAL_RUNS.toLocaleString('en')} random SVE sequences legally and without an exception (not claimed clean: bugs of its own)`, () => {
    const r = run(variant, false, LEGAL_RUNS);
    expect(r.sequences).toBe(LEGAL_RUNS);
    expect(r.events).toBeGreaterThan(LEGAL_RUNS * 5);
  }, 120_000);
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

  it('covers every era: claimed clean (with SVE code) or run as released', () => {
    expect(withSveCode.every((e) => typeof e.do_sve_acc === 'function')).toBe(true);
    expect(claimed.every((v) => v.era.do_sve_acc !== undefined && !v.era.releaseBugs?.length)).toBe(true);
    expect(new Set([...claimed, ...released].map((v) => v.era.id))).toEqual(new Set(ERAS.map((e) => e.id)));
  });
});

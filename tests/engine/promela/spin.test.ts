// Spin and the explorer agree: for every variant the Promela model covers (the engine's VARIANTS but
// the SVE bugs, which it leaves out: src/engine/promela/model.ts; every era, ablation and
// historic variant), Debian's spin, run exhaustively on the exported Promela model of the reference
// configuration with the explorer's depth and ops, finds the same violations, by kind and owner, as
// the explorer (none for a clean variant). Twice: every op (EXPLORER_OPS, at most one pending signal
// frame per task) at depth 9, and the first eleven ops (CLASSIC_OPS) at depth 12 (OP_SETS, the
// explorer's own agreement depths). Every op at depth 12 would take Spin about 1.5 million states
// for v4.18 and several million for v6.13, v6.15 and v6.16 (with the step count), a minute of pan per
// variant on the CI's 2 cores; depth 9 still reaches every ablation's and historic variant's
// shortest counterexample on this machine (8 events at most), so each one is checked violating.
// One verifier is compiled per era (`runtime`: the variant, the depth and the ops are read from the
// environment when pan starts), so 5 compiles serve all the runs.
// Spin must be installed: without it these tests fail, saying how to install it.
// @vitest-environment node
import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERAS, VARIANTS, type Variant } from '../../../src/engine';
import { explore, EXPLORER_OPS } from '../../../src/engine/explore';
import { buildConfig } from '../../../src/engine/config';
import {
  ablationNumber,
  opsMask,
  promelaModel,
  promelaCovers,
  promelaOwners,
  RUNTIME_ENV,
} from '../../../src/engine/promela';
import { compilePan, requireSpin, runPan, type Pan, type PanResult } from '../../../scripts/spin';
import { findings, OP_SETS, REFERENCE } from '../explore/helpers';

const OWNERS = promelaOwners(buildConfig(REFERENCE));

/** The explorer's depth for the reference configuration (docs/explorer.md, `check`'s default). */
const DEPTH = 12;

type OpSet = (typeof OP_SETS)[number];
const depthOf = (o: OpSet): number => DEPTH - o.shallower;

/**
 * Variants whose violations come at several lengths, checked one event short of their longest: Spin
 * must find exactly the explorer's violations whose shortest sequence fits in that depth.
 */
const BOUNDED = [
  { id: 'v4.18/no-load-fp-host', ops: 'classic ops', depth: 8 },
  { id: 'v4.18/no-sigreturn-bind', ops: 'all ops', depth: 5 },
  { id: 'v6.15/pre-e92bee9f861b', ops: 'all ops', depth: 7 },
] as const;

interface Job {
  key: string;
  variant: Variant;
  ops: OpSet;
  depth: number;
}

/** One verifier per era (cc -O0: quick to build), compiled when a job first needs it. */
function verifiers(): { get(variant: Variant): Promise<Pan>; dispose(): Promise<void> } {
  const pans = new Map<string, Promise<Pan>>();
  return {
    get(variant) {
      const key = variant.era.id;
      let p = pans.get(key);
      if (!p) {
        const base = VARIANTS.find((v) => v.era === variant.era && v.ablation === null) as Variant;
        const model = promelaModel(REFERENCE, base, { depth: DEPTH, runtime: true });
        p = compilePan(model, ['-O0']);
        pans.set(key, p);
      }
      return p;
    },
    async dispose() {
      for (const p of pans.values()) (await p.catch(() => null))?.dispose();
    },
  };
}

/** Runs the jobs two at a time (the CI's two cores). */
async function spinAll(jobs: readonly Job[], pans: ReturnType<typeof verifiers>) {
  const out = new Map<string, PanResult>();
  const queue = [...jobs];
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const pan = await pans.get(job.variant);
      const env = {
        [RUNTIME_ENV.ablation]: String(ablationNumber(job.variant)),
        [RUNTIME_ENV.depth]: String(job.depth),
        [RUNTIME_ENV.ops]: String(opsMask(job.ops.ops)),
      };
      out.set(job.key, await runPan(pan, OWNERS, env));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(2, availableParallelism())) }, worker));
  return out;
}

const explored = new Map<string, Map<string, number>>();
/** The explorer's violations, "kind owner" -> shortest length, at the op set's depth (kept for reuse). */
function explorerFindings(variant: Variant, o: OpSet): Map<string, number> {
  const key = `${variant.id} ${o.name}`;
  let f = explored.get(key);
  if (!f) {
    const r = explore(REFERENCE, variant, { depth: depthOf(o), ops: o.ops });
    expect(r.complete).toBe(true);
    f = findings(r);
    explored.set(key, f);
  }
  return f;
}

describe('without Spin', () => {
  it('fails saying how to install it', () => {
    expect(() => requireSpin(() => null)).toThrow("install Debian's spin: apt-get install -y spin");
    expect(() => requireSpin((n) => (n === 'spin' ? '/usr/bin/spin' : null))).toThrow(
      'install a C compiler for Spin: apt-get install -y gcc',
    );
  });
});

const bounded = BOUNDED.map((b) => {
  const variant = VARIANTS.find((v) => v.id === b.id);
  const ops = OP_SETS.find((o) => o.name === b.ops);
  if (!variant || !ops) throw new Error(`missing variant ${b.id} or op set ${b.ops}`);
  return { ...b, variant, set: ops };
});

describe('Spin agrees with the explorer on the reference configuration', () => {
  let results = new Map<string, PanResult>();
  const pans = verifiers();
  // Every variant the Promela model covers: all but the SVE bugs (model.ts: what it leaves out).
  const covered = VARIANTS.filter(promelaCovers);
  const cases = OP_SETS.flatMap((o) => covered.map((v) => [v.id, o.name, v, o] as const));

  beforeAll(async () => {
    requireSpin(); // fails every test below with "install Debian's spin: apt-get install -y spin"
    results = await spinAll(
      [
        ...cases.map(([id, name, variant, ops]) => ({
          key: `${id} ${name}`,
          variant,
          ops,
          depth: depthOf(ops),
        })),
        ...bounded.map((b) => ({
          key: `${b.id} ${b.ops} depth ${b.depth}`,
          variant: b.variant,
          ops: b.set,
          depth: b.depth,
        })),
      ],
      pans,
    );
  }, 600_000);

  afterAll(() => pans.dispose());

  it('covers every era, ablation and historic variant with every op', () => {
    expect(new Set(cases.map(([, , v]) => v.era))).toEqual(new Set(ERAS));
    expect(cases.filter(([, , v]) => v.historic !== null).length).toBeGreaterThan(0);
    expect(OP_SETS.map((o) => o.ops)).toContain(EXPLORER_OPS);
    expect(cases.length).toBe(covered.length * OP_SETS.length);
    expect(VARIANTS.filter((v) => !promelaCovers(v)).every((v) => v.historic?.sve)).toBe(true);
  });

  it.each(cases)('%s with %s: same violations (kind and owner), Spin exhaustive', (id, name, variant, o) => {
    const spin = results.get(`${id} ${name}`);
    if (!spin) throw new Error(`no Spin result for ${id} with ${name}`);
    expect(spin.complete, spin.output.slice(-2000)).toBe(true);
    expect(spin.states).toBeGreaterThan(1000);
    const expected = [...explorerFindings(variant, o).keys()].sort();
    expect(spin.findings, `Spin: ${spin.findings.join(', ') || 'clean'}`).toEqual(expected);
    expect(spin.errors > 0).toBe(expected.length > 0);
  });

  it.each(bounded.map((b) => [b.id, b.ops, b.depth, b] as const))(
    "%s with %s at depth %i: bounded by the explorer's depth, the shorter violations only",
    (id, name, depth, b) => {
      const all = explorerFindings(b.variant, b.set);
      const fits = [...all].filter(([, len]) => len <= depth).map(([f]) => f);
      expect(fits.length).toBeGreaterThan(0);
      expect(fits.length).toBeLessThan(all.size);
      const spin = results.get(`${id} ${name} depth ${depth}`);
      expect(spin?.complete).toBe(true);
      expect(spin?.findings).toEqual(fits.sort());
    },
  );
});

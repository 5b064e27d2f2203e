// Spin and the explorer agree: for every era and ablation (the engine's VARIANTS), Debian's spin,
// run exhaustively on the exported Promela model of the reference configuration with the explorer's
// depth, finds the same violations, by kind and context, as the explorer (none for a clean variant).
// Both sides use the Promela alphabet, the first eleven ops (PROMELA_ALPHABET). Excluded: historic
// variants (not modelled in Promela) and the lifecycle ablations (LIFECYCLE_ABLATIONS: only the
// lifecycle ops reach their statements), which the explorer's own tests cover with every op.
// Spin must be installed: without it these tests fail, saying how to install it.
// @vitest-environment node
import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { VARIANTS, type Variant, type ViolationKind } from '../../../src/engine';
import { explore } from '../../../src/engine/explore';
import { buildConfig } from '../../../src/engine/config';
import { LIFECYCLE_ABLATIONS, PROMELA_ALPHABET, promelaModel } from '../../../src/engine/promela';
import { compilePan, requireSpin, runPan, type PanResult } from '../../../scripts/spin';
import { findings, REFERENCE } from '../explore/helpers';

const CONTEXTS = buildConfig(REFERENCE).contexts.map((c) => c.id);
const AGREED = VARIANTS.filter(
  (v) => v.historic === null && !(v.ablation !== null && LIFECYCLE_ABLATIONS.includes(v.ablation)),
);

/** The explorer's depth for the reference configuration (docs/explorer.md, `check`'s default). */
const DEPTH = 12;

/** Compiles (cc -O0: quick to build, and these state spaces are small) and runs pan for each model. */
async function spinAll(jobs: { key: string; variant: Variant; depth: number }[]) {
  const out = new Map<string, PanResult>();
  const queue = [...jobs];
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const pan = await compilePan(promelaModel(REFERENCE, job.variant, { depth: job.depth }), ['-O0']);
      try {
        out.set(job.key, await runPan(pan, CONTEXTS));
      } finally {
        pan.dispose();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(2, availableParallelism())) }, worker));
  return out;
}

/** The explorer's violations as "kind context", sorted. */
const explorerFindings = (variant: Variant, depth: number): string[] => {
  const r = explore(REFERENCE, variant, { depth, ops: PROMELA_ALPHABET });
  expect(r.complete).toBe(true);
  return [...findings(r).keys()].sort();
};

/** An ablation found at two lengths: Spin must find the second kind only once the depth allows it. */
const SHORT = { id: 'v4.18/no-load-fp-host', first: 'lost-update', second: 'stale-read' } as const;

describe('without Spin', () => {
  it('fails saying how to install it', () => {
    expect(() => requireSpin(() => null)).toThrow("install Debian's spin: apt-get install -y spin");
    expect(() => requireSpin((n) => (n === 'spin' ? '/usr/bin/spin' : null))).toThrow(
      'install a C compiler for Spin: apt-get install -y gcc',
    );
  });
});

describe('Spin agrees with the explorer on the reference configuration', () => {
  let results = new Map<string, PanResult>();
  let shortest: { first: number; second: number } = { first: 0, second: 0 };

  beforeAll(async () => {
    requireSpin(); // fails every test below with "install Debian's spin: apt-get install -y spin"
    const short = VARIANTS.find((v) => v.id === SHORT.id);
    if (!short) throw new Error(`missing variant ${SHORT.id}`);
    const r = explore(REFERENCE, short, { depth: DEPTH, ops: PROMELA_ALPHABET });
    const len = (k: ViolationKind) =>
      Math.min(...r.violations.filter((v) => v.kind === k).map((v) => v.events.length));
    shortest = { first: len(SHORT.first), second: len(SHORT.second) };
    results = await spinAll([
      ...AGREED.map((variant) => ({ key: variant.id, variant, depth: DEPTH })),
      { key: 'short-1', variant: short, depth: shortest.second - 1 },
      { key: 'short', variant: short, depth: shortest.second },
    ]);
  }, 300_000);

  it.each(AGREED.map((v) => [v.id, v] as const))(
    '%s: same violations (kind and context), Spin exhaustive',
    (id, variant) => {
      const spin = results.get(id);
      if (!spin) throw new Error(`no Spin result for ${id}`);
      expect(spin.complete, spin.output).toBe(true);
      expect(spin.states).toBeGreaterThan(1000);
      const expected = explorerFindings(variant, DEPTH);
      expect(spin.findings, `Spin: ${spin.findings.join(', ') || 'clean'}`).toEqual(expected);
      expect(spin.errors > 0).toBe(expected.length > 0);
    },
  );

  it(`is bounded by the explorer's depth: ${SHORT.id} gains ${SHORT.second} at its shortest length`, () => {
    expect(shortest.first).toBeLessThan(shortest.second);
    expect(results.get('short-1')?.kinds).toEqual([SHORT.first]);
    expect(results.get('short')?.kinds.slice().sort()).toEqual([SHORT.first, SHORT.second].sort());
  });
});

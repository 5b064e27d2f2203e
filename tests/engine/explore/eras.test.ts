// The claims on the reference configuration: with the first eleven ops at depth 12, every era is
// clean and every ablation breaks; with every op (one pending signal frame) at depth 9, every era is
// clean and each lifecycle ablation breaks. Every counterexample replays to the violation it names.
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../../src/engine';
import { CLASSIC_OPS, EXPLORER_OPS, explore } from '../../../src/engine/explore';
import { findings, REFERENCE, reproduces } from './helpers';

const DEPTH = 12;
/** Every op: the space at depth 12 is about 30 times the classic one; 9 finds every lifecycle ablation. */
const ALL_DEPTH = 9;
const classic = { depth: DEPTH, ops: CLASSIC_OPS };
const eras = VARIANTS.filter((v) => v.ablation === null);
// Historic variants have their own tests (tests/engine/eras/historic.test.ts, the gallery).
/** Lifecycle ablations remove statements only the lifecycle ops reach. */
const LIFECYCLE = ['signal-save', 'sigreturn-bind', 'exec-flush', 'ptrace-flush', 'pm-flush'];
const lifecycle = VARIANTS.filter((v) => v.ablation !== null && LIFECYCLE.includes(v.ablation));
const ablations = VARIANTS.filter(
  (v) => v.ablation !== null && v.historic === null && !LIFECYCLE.includes(v.ablation),
);

/** What each v4.18 ablation's hand-written example shows (tests/engine/eras/ablations.test.ts). */
const EXPECTED: Record<string, string> = {
  'v4.18/no-ctxsync-bind': 'lost-update qemu',
  'v4.18/no-ctxsync-clear-foreign': 'lost-update vcpu0',
  'v4.18/no-hyp-foreign-check': 'stale-read vcpu0',
  'v4.18/no-put-save': 'lost-update vcpu0',
  'v4.18/no-put-flush': 'leak qemu',
  'v4.18/no-load-fp-host': 'lost-update qemu',
  'v4.18/no-flush-sets-foreign': 'leak qemu',
  'v4.18/no-thread-switch-cpu-check': 'stale-read editor',
  'v4.18/no-neon-save': 'lost-update vcpu0',
};

describe('explorer on the reference configuration', () => {
  it('covers the three eras and the nine v4.18 ablations', () => {
    expect(eras.map((v) => v.id)).toEqual(expect.arrayContaining(['v4.18']));
    for (const id of Object.keys(EXPECTED)) expect(ablations.map((v) => v.id)).toContain(id);
  });

  it.each(eras.map((v) => [v.id, v] as const))('%s: complete at depth 12, no violation', (_id, variant) => {
    const r = explore(REFERENCE, variant, classic);
    expect(r.complete).toBe(true);
    expect(r.stopped).toBeNull();
    expect(r.exploredDepth).toBe(DEPTH);
    expect(r.exhausted).toBe(false);
    expect(r.states).toBeGreaterThan(1000);
    expect(r.transitions).toBeGreaterThan(r.states);
    expect(r.violations).toEqual([]);
  });

  it.each(ablations.map((v) => [v.id, v] as const))(
    '%s: finds a data violation, and every counterexample replays to it',
    (id, variant) => {
      const r = explore(REFERENCE, variant, classic);
      expect(r.complete).toBe(true);
      const kinds = new Set(r.violations.map((v) => v.kind));
      expect(['lost-update', 'stale-read', 'leak'].some((k) => kinds.has(k as never))).toBe(true);
      if (EXPECTED[id]) expect([...findings(r).keys()]).toContain(EXPECTED[id]);
      for (const c of r.violations) {
        expect(c.events.length).toBeLessThanOrEqual(DEPTH);
        expect(reproduces(REFERENCE, variant, c), `${c.kind} ${c.context}`).toBe(true);
      }
      // Shortest first: the search reports in breadth-first order.
      const lengths = r.violations.map((c) => c.events.length);
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    },
  );

  it('v4.18 exhausts the reference configuration: no violation at any length', () => {
    const v4_18 = VARIANTS.find((v) => v.id === 'v4.18');
    if (!v4_18) throw new Error('missing v4.18');
    const r = explore(REFERENCE, v4_18, { depth: 60, ops: CLASSIC_OPS });
    expect(r.exhausted).toBe(true);
    expect(r.states).toBeGreaterThan(explore(REFERENCE, v4_18, classic).states);
    expect(r.violations).toEqual([]);
  });

  it('reports one counterexample per kind and context', () => {
    const variant = VARIANTS.find((v) => v.id === 'v4.18/no-neon-save');
    if (!variant) throw new Error('missing variant');
    const r = explore(REFERENCE, variant, classic);
    const keys = r.violations.map((v) => `${v.kind} ${v.context}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining(['lost-update qemu', 'lost-update editor', 'stale-read qemu']),
    );
  });

  it('a shorter bound finds nothing an ablation needs more events for', () => {
    const variant = VARIANTS.find((v) => v.id === 'v4.18/no-put-save');
    if (!variant) throw new Error('missing variant');
    const full = findings(explore(REFERENCE, variant, classic));
    const shortest = Math.min(...full.values());
    const at = (depth: number) => explore(REFERENCE, variant, { depth, ops: CLASSIC_OPS });
    expect(at(shortest - 1).violations).toEqual([]);
    expect(at(shortest).violations.length).toBeGreaterThan(0);
  });
});

describe('explorer with every op on the reference configuration', () => {
  it('covers the five v4.18 lifecycle ablations', () => {
    expect(lifecycle.map((v) => v.id).sort()).toEqual(LIFECYCLE.map((a) => `v4.18/no-${a}`).sort());
  });

  it.each(eras.map((v) => [v.id, v] as const))(`%s: no violation within ${ALL_DEPTH} events`, (_id, v) => {
    const r = explore(REFERENCE, v, { depth: ALL_DEPTH, ops: EXPLORER_OPS });
    expect(r.complete).toBe(true);
    expect(r.ops).toEqual(EXPLORER_OPS);
    expect(r.states).toBeGreaterThan(1000);
    expect(r.violations).toEqual([]);
  });

  it.each(lifecycle.map((v) => [v.id, v] as const))('%s: found, and replays', (_id, v) => {
    const r = explore(REFERENCE, v, { depth: ALL_DEPTH, ops: EXPLORER_OPS });
    const kinds = new Set(r.violations.map((c) => c.kind));
    expect(['lost-update', 'stale-read', 'leak'].some((k) => kinds.has(k as never))).toBe(true);
    for (const c of r.violations) expect(reproduces(REFERENCE, v, c), `${c.kind} ${c.context}`).toBe(true);
  });
});

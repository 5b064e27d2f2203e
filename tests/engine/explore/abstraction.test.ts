// The abstraction is exact for the violations: exploring with the raw version numbers (and without the
// transition cache) finds the same (kind, context) violations with the same shortest lengths.
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../../src/engine';
import { CLASSIC_OPS, explore } from '../../../src/engine/explore';
import { findings, OP_SETS, REFERENCE, reproduces, SYMMETRIC } from './helpers';

const DEPTH = 10;

describe('newest-or-stale abstraction', () => {
  const cases = OP_SETS.flatMap((o) => VARIANTS.map((v) => [v.id, o.name, v, o] as const));
  it.each(cases)(
    '%s, %s: same findings as with full versions',
    (_id, _ops, v, o) => {
      const opts = { depth: DEPTH - o.shallower, ops: o.ops };
      const abstract = explore(REFERENCE, v, opts);
      const exact = explore(REFERENCE, v, { ...opts, versions: 'exact', cache: false });
      expect(abstract.complete && exact.complete).toBe(true);
      expect(findings(abstract)).toEqual(findings(exact));
      // Versions only split states: the exact space is at least as large.
      expect(exact.states).toBeGreaterThanOrEqual(abstract.states);
      for (const c of exact.violations) expect(reproduces(REFERENCE, v, c)).toBe(true);
    },
    60_000,
  ); // v6.15's exact space with every op takes a few seconds under load

  it('keeps the exact state space strictly larger once FP data is used twice', () => {
    const v4_18 = VARIANTS.find((v) => v.id === 'v4.18');
    if (!v4_18) throw new Error('missing v4.18');
    const a = explore(REFERENCE, v4_18, { depth: 8, ops: CLASSIC_OPS });
    const e = explore(REFERENCE, v4_18, { depth: 8, ops: CLASSIC_OPS, versions: 'exact' });
    expect(e.states).toBeGreaterThan(a.states);
  });
});

describe('transition cache', () => {
  const cases = OP_SETS.flatMap((o) => VARIANTS.map((v) => [v.id, o.name, v, o] as const));
  it.each(cases)('%s, %s: identical search with and without it', (_id, _ops, v, o) => {
    const opts = { depth: 8 - o.shallower, ops: o.ops };
    const cached = explore(REFERENCE, v, opts);
    const plain = explore(REFERENCE, v, { ...opts, cache: false });
    expect(cached.cache?.misses).toBeGreaterThan(0);
    expect(plain.cache).toBeNull();
    expect([cached.states, cached.transitions]).toEqual([plain.states, plain.transitions]);
    expect(cached.violations).toEqual(plain.violations);
  });

  it('agrees on a machine large enough to grow the store index several times', () => {
    const v = VARIANTS.find((x) => x.id === 'v4.18/no-neon-save');
    if (!v) throw new Error('missing variant');
    const cached = explore(SYMMETRIC, v, { depth: 10, ops: CLASSIC_OPS });
    const plain = explore(SYMMETRIC, v, { depth: 10, ops: CLASSIC_OPS, cache: false });
    expect(cached.states).toBeGreaterThan(1 << 14);
    expect([cached.states, cached.transitions]).toEqual([plain.states, plain.transitions]);
    expect(cached.violations).toEqual(plain.violations);
  });

  it('learns far fewer outcomes than it replays', () => {
    const v4_18 = VARIANTS.find((v) => v.id === 'v4.18');
    if (!v4_18) throw new Error('missing v4.18');
    const r = explore(REFERENCE, v4_18, { depth: 12, ops: CLASSIC_OPS });
    expect(r.cache).not.toBeNull();
    expect(r.cache?.misses ?? Infinity).toBeLessThan(r.transitions / 5);
  });
});

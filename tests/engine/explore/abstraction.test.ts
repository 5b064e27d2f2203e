// The abstraction is exact for the violations: exploring with the raw version numbers (and without the
// transition cache) finds the same (kind, context) violations with the same shortest lengths.
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../../src/engine';
import { explore } from '../../../src/engine/explore';
import { findings, REFERENCE, reproduces, SYMMETRIC } from './helpers';

const DEPTH = 10;

describe('newest-or-stale abstraction', () => {
  it.each(VARIANTS.map((v) => [v.id, v] as const))('%s: same findings as with full versions', (_id, v) => {
    const abstract = explore(REFERENCE, v, { depth: DEPTH });
    const exact = explore(REFERENCE, v, { depth: DEPTH, versions: 'exact', cache: false });
    expect(abstract.complete && exact.complete).toBe(true);
    expect(findings(abstract)).toEqual(findings(exact));
    // Versions only split states: the exact space is at least as large.
    expect(exact.states).toBeGreaterThanOrEqual(abstract.states);
    for (const c of exact.violations) expect(reproduces(REFERENCE, v, c)).toBe(true);
  });

  it('keeps the exact state space strictly larger once FP data is used twice', () => {
    const v4_18 = VARIANTS.find((v) => v.id === 'v4.18');
    if (!v4_18) throw new Error('missing v4.18');
    const a = explore(REFERENCE, v4_18, { depth: 8 });
    const e = explore(REFERENCE, v4_18, { depth: 8, versions: 'exact' });
    expect(e.states).toBeGreaterThan(a.states);
  });
});

describe('transition cache', () => {
  it.each(VARIANTS.map((v) => [v.id, v] as const))('%s: identical search with and without it', (_id, v) => {
    const cached = explore(REFERENCE, v, { depth: 8 });
    const plain = explore(REFERENCE, v, { depth: 8, cache: false });
    expect(cached.cache?.misses).toBeGreaterThan(0);
    expect(plain.cache).toBeNull();
    expect([cached.states, cached.transitions]).toEqual([plain.states, plain.transitions]);
    expect(cached.violations).toEqual(plain.violations);
  });

  it('agrees on a machine large enough to grow the store index several times', () => {
    const v = VARIANTS.find((x) => x.id === 'v4.18/no-neon-save');
    if (!v) throw new Error('missing variant');
    const cached = explore(SYMMETRIC, v, { depth: 10 });
    const plain = explore(SYMMETRIC, v, { depth: 10, cache: false });
    expect(cached.states).toBeGreaterThan(1 << 14);
    expect([cached.states, cached.transitions]).toEqual([plain.states, plain.transitions]);
    expect(cached.violations).toEqual(plain.violations);
  });

  it('learns far fewer outcomes than it replays', () => {
    const v4_18 = VARIANTS.find((v) => v.id === 'v4.18');
    if (!v4_18) throw new Error('missing v4.18');
    const r = explore(REFERENCE, v4_18, { depth: 12 });
    expect(r.cache).not.toBeNull();
    expect(r.cache?.misses ?? Infinity).toBeLessThan(r.transitions / 5);
  });
});

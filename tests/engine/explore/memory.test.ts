// The explorer's memory: the transition cache stays within its budget with the same answers, the
// default state limit keeps the stated bound within maxBytes, and reports say what they measured.
import { describe, expect, it } from 'vitest';
import { findVariant, type Variant } from '../../../src/engine';
import {
  boundBytes,
  cacheBudget,
  defaultMaxStates,
  DEFAULT_MAX_BYTES,
  RUNTIME_BYTES,
  storeBytesPerState,
} from '../../../src/engine/explore/memory';
import { CLASSIC_OPS, createSearch, explore, type ExploreResult } from '../../../src/engine/explore';
import { BIGGEST as BIG, findings, REFERENCE, SYMMETRIC } from './helpers';

function variant(id: string): Variant {
  const v = findVariant(id);
  if (!v) throw new Error(`missing ${id}`);
  return v;
}

const same = (a: ExploreResult, b: ExploreResult): void => {
  expect(a.states).toBe(b.states);
  expect(a.transitions).toBe(b.transitions);
  expect(findings(a)).toEqual(findings(b));
};

describe('the transition cache within its budget', () => {
  it(
    'gives the same states, transitions and shortest violations when it stops keeping outcomes',
    { timeout: 120_000 },
    () => {
      const cases = [
        { id: 'v4.18/no-hyp-foreign-check', depth: 6, ops: CLASSIC_OPS },
        { id: 'mainline/pre-751ecf6afd65', depth: 5, ops: undefined },
      ];
      for (const { id, depth, ops } of cases) {
        const v = variant(id);
        const full = explore(REFERENCE, v, { depth, ops });
        // 16 kB: the cache fills within the first few states and then learns transiently.
        const tight = explore(REFERENCE, v, { depth, ops, cacheBytes: 16 * 1024 });
        const none = explore(REFERENCE, v, { depth, ops, cache: false });
        same(tight, full);
        same(tight, none);
        expect(tight.violations.length).toBeGreaterThan(0);
        expect(tight.cache!.misses).toBeGreaterThan(full.cache!.misses);
      }
    },
  );

  it('keeps the same answers with sleep sets and every renaming while transient', { timeout: 60_000 }, () => {
    const v = variant('v4.18/no-ctxsync-bind');
    const opts = { depth: 6, ops: CLASSIC_OPS, symmetry: 'classes' as const, sleep: true };
    same(explore(SYMMETRIC, v, { ...opts, cacheBytes: 16 * 1024 }), explore(SYMMETRIC, v, opts));
  });

  it('holds at most its budget plus one expansion on 8 CPUs with 32 tasks', { timeout: 60_000 }, () => {
    const budget = 4 * 1024 ** 2;
    const s = createSearch(BIG, variant('v4.18'), { depth: 50, maxStates: 3000, cacheBytes: budget });
    s.advance();
    const r = s.result();
    expect(r.states).toBe(3000);
    const m = r.memory!;
    expect(m.source).toBe('counted');
    // Counted: the store (one page of 65,536 records of 25 words, and its index), the canonical-form
    // cache (65,536 slots of 47 words) and the cache, within its budget and one expansion's outcomes.
    const store = 65536 * 25 * 4 + 64 * 1024;
    const canon = 65536 * 47 * 4;
    expect(m.counted).toBeLessThan(budget + store + canon + 1024 ** 2);
    expect(r.cache!.misses).toBeGreaterThan(r.cache!.outcomes);
  });
});

describe('the bound', () => {
  it('sizes the default state limit so that the stated bound stays within maxBytes', () => {
    for (const W of [3, 4, 23, 40])
      for (const maxBytes of [DEFAULT_MAX_BYTES, 512 * 1024 ** 2]) {
        const shape = { W, fixedBytes: 12 * 1024 ** 2, cacheBytes: cacheBudget(maxBytes), extraPerState: 0 };
        const n = defaultMaxStates(W, maxBytes, shape);
        expect(boundBytes(shape, n)).toBeLessThanOrEqual(maxBytes);
        expect(boundBytes(shape, n + 1)).toBeGreaterThan(maxBytes);
      }
    expect(storeBytesPerState(23)).toBe(124);
  });

  it('reports the host reading when one is given, the counted bytes otherwise, and the stated bound', () => {
    const v = variant('v4.18');
    const counted = explore(REFERENCE, v, { depth: 6, maxStates: 100_000 }).memory!;
    expect(counted.source).toBe('counted');
    expect(counted.bytes).toBe(counted.counted);
    expect(counted.bound).toBeGreaterThan(RUNTIME_BYTES + 100_000 * storeBytesPerState(3));
    let reads = 0;
    const read = () => ({ bytes: 100e6 + reads++, peak: 300e6, source: 'resident' as const });
    const measured = explore(REFERENCE, v, { depth: 6, memoryUsage: read }).memory!;
    expect(measured.source).toBe('resident');
    expect(measured.bytes).toBeGreaterThanOrEqual(100e6);
    expect(measured.peak).toBe(300e6);
    expect(measured.start).toBe(100e6);
    expect(measured.counted).toBeLessThan(100e6);
  });
});

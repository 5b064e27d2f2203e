// A transition cache seeded with what another cache of the same search learned (memoSeed.ts): the
// partitioned search's workers start from the one-thread trial's cache (src/cli/parallel.ts). The
// answer must not change, and the workers must learn less.
import { describe, expect, it } from 'vitest';
import { findVariant } from '../../../src/engine';
import { createSearch, explore, EXPLORER_OPS } from '../../../src/engine/explore';
import { explorePartitioned } from '../../../src/engine/explore/partitionLocal';
import { findings, REFERENCE, reproduces } from './helpers';

const answer = (r: ReturnType<typeof explore>) => ({
  states: r.states,
  transitions: r.transitions,
  exhausted: r.exhausted,
  findings: findings(r),
});

describe('a seeded transition cache', () => {
  it.each([['v4.18'], ['v4.18/no-put-flush'], ['v6.16']])(
    '%s: the same answer with fewer misses, in one thread and on 2 workers',
    async (id) => {
      const v = findVariant(id);
      if (!v) throw new Error(`no ${id}`);
      const opts = { depth: 6, ops: EXPLORER_OPS, dead: true };
      const plain = explore(REFERENCE, v, opts);
      const trial = createSearch(REFERENCE, v, { ...opts, depth: 3 });
      trial.advance();
      const seed = trial.cacheSnapshot();
      if (seed === null) throw new Error('no cache');
      const seeded = explore(REFERENCE, v, { ...opts, cacheSeed: seed });
      const two = await explorePartitioned(REFERENCE, v, {
        ...opts,
        cacheSeed: seed,
        workers: 2,
        sliceMs: 0.2,
      });
      expect(answer(seeded)).toEqual(answer(plain));
      expect(answer(two)).toEqual(answer(plain));
      for (const c of two.violations) expect(reproduces(REFERENCE, v, c)).toBe(true);
      // The trial's outcomes are not learned again.
      expect(seeded.cache?.misses).toBe((plain.cache?.misses ?? 0) - (trial.result().cache?.misses ?? 0));
      expect(seeded.cache?.outcomes).toBe(plain.cache?.outcomes);
    },
  );

  it('is refused by a search with another alphabet', () => {
    const v = findVariant('v4.18');
    if (!v) throw new Error('no v4.18');
    const trial = createSearch(REFERENCE, v, { depth: 2, ops: EXPLORER_OPS });
    trial.advance();
    const seed = trial.cacheSnapshot() ?? undefined;
    expect(() => explore(REFERENCE, v, { depth: 2, cacheSeed: seed, ops: ['schedule', 'user_fp'] })).toThrow(
      /the cache seed is of another search/,
    );
  });
});

// The partitioned (multi-core) search against the single-core one: the same states, transitions,
// violations and shortest lengths, on every variant, with 1 and 2 workers (in one thread: the same
// protocol and worker code the multi-core drivers run, partitionLocal.ts).
import { describe, expect, it } from 'vitest';
import { VARIANTS } from '../../../src/engine';
import { CLASSIC_OPS, EXPLORER_OPS, explore, type ExploreResult } from '../../../src/engine/explore';
import { explorePartitioned } from '../../../src/engine/explore/partitionLocal';
import { ownerOf } from '../../../src/engine/explore/partition';
import { findings, REFERENCE, reproduces } from './helpers';

const answer = (r: ExploreResult) => ({
  states: r.states,
  transitions: r.transitions,
  complete: r.complete,
  exhausted: r.exhausted,
  lastDepth: r.lastDepth,
  exploredDepth: r.exploredDepth,
  stopped: r.stopped,
  symmetries: r.symmetries,
  findings: findings(r),
});

describe('the partitioned search', { timeout: 60_000 }, () => {
  it.each(VARIANTS.map((v) => [v.id, v] as const))(
    '%s: 1 and 2 workers give the single-core answer (every op, depth 6, dead variables)',
    async (_id, v) => {
      const opts = { depth: 6, ops: EXPLORER_OPS, dead: true };
      const single = explore(REFERENCE, v, opts);
      // Short slices: the workers' turns interleave, as threads would.
      const one = await explorePartitioned(REFERENCE, v, { ...opts, workers: 1 });
      const two = await explorePartitioned(REFERENCE, v, { ...opts, workers: 2, sliceMs: 0.2 });
      expect(answer(one)).toEqual(answer(single));
      expect(answer(two)).toEqual(answer(single));
      expect(two.violations.length).toBe(single.violations.length);
      for (const c of two.violations) expect(reproduces(REFERENCE, v, c)).toBe(true);
    },
  );

  it.each([['v4.18'], ['v4.18/no-neon-save']])(
    '%s: the same with 3 workers, exhausted, every renaming of CPUs',
    async (id) => {
      const v = VARIANTS.find((x) => x.id === id);
      if (!v) throw new Error(`missing ${id}`);
      const opts = { depth: 100, ops: CLASSIC_OPS, symmetry: 'cpus' as const, dead: true };
      const single = explore(REFERENCE, v, opts);
      const three = await explorePartitioned(REFERENCE, v, { ...opts, workers: 3, sliceMs: 0.2 });
      expect(single.exhausted).toBe(true);
      expect(answer(three)).toEqual(answer(single));
      for (const c of three.violations) expect(reproduces(REFERENCE, v, c)).toBe(true);
    },
  );

  it('stops at the state limit exactly, over all workers together', async () => {
    const v = VARIANTS[0];
    const r = await explorePartitioned(REFERENCE, v, { depth: 12, maxStates: 1000, workers: 2 });
    expect(r.states).toBe(1000);
    expect(r.stopped).toBe('state-limit');
    expect(r.complete).toBe(false);
    const single = explore(REFERENCE, v, { depth: 12, maxStates: 1000 });
    expect(r.exploredDepth).toBe(single.exploredDepth);
  });

  it('stops when asked, with every shorter sequence explored', async () => {
    const v = VARIANTS.find((x) => x.id === 'v4.18/no-neon-save');
    if (!v) throw new Error('missing v4.18/no-neon-save');
    let polls = 0;
    const r = await explorePartitioned(REFERENCE, v, {
      depth: 12,
      workers: 2,
      sliceMs: 1,
      shouldStop: () => ++polls > 40,
    });
    expect(r.stopped).toBe('cancelled');
    expect(r.complete).toBe(false);
    const single = explore(REFERENCE, v, { depth: r.exploredDepth });
    const shorter = new Map([...findings(r)].filter(([, n]) => n <= r.exploredDepth));
    expect(shorter).toEqual(findings(single));
  });

  it('stops at the first violating depth, and at a time limit, as the single-core search does', async () => {
    const v = VARIANTS.find((x) => x.id === 'v4.18/no-neon-save');
    if (!v) throw new Error('missing v4.18/no-neon-save');
    const first = { depth: 12, stopAtViolation: 'depth' as const, dead: true };
    const single = explore(REFERENCE, v, first);
    const two = await explorePartitioned(REFERENCE, v, { ...first, workers: 2, sliceMs: 0.2 });
    expect(single.stopped).toBe('violation');
    expect(answer(two)).toEqual(answer(single));
    // A violation found at the depth bound itself ends the search as usual (complete).
    const atBound = { ...first, depth: single.exploredDepth };
    const bound = await explorePartitioned(REFERENCE, v, { ...atBound, workers: 2 });
    expect(answer(bound)).toEqual(answer(explore(REFERENCE, v, atBound)));
    expect(bound.complete).toBe(true);
    const timed = await explorePartitioned(REFERENCE, v, { depth: 12, timeLimitMs: 0, workers: 2 });
    expect(timed.stopped).toBe('time-limit');
    expect(timed.complete).toBe(false);
    expect(timed.exploredDepth).toBe(0);
  });

  it('spreads states over the workers by hash', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) counts[ownerOf(Math.imul(i, 0x2545f491) ^ (i >>> 3), 3)]++;
    for (const c of counts) expect(c).toBeGreaterThan(9000);
  });
});

describe(
  'every renaming of CPUs (symmetry cpus, on by default in the CLI and the app)',
  { timeout: 60_000 },
  () => {
    it.each(VARIANTS.map((v) => [v.id, v] as const))(
      '%s: the plain search answer per context, with fewer states (every op, depth 6)',
      (_id, v) => {
        const plain = explore(REFERENCE, v, { depth: 6, ops: EXPLORER_OPS });
        const reduced = explore(REFERENCE, v, { depth: 6, ops: EXPLORER_OPS, symmetry: 'cpus' });
        // A variant that writes the number of CPU 0 keeps CPU 0 fixed: no CPU renaming is left.
        const pinned = v.historic?.pinsCpu0 === true;
        expect(reduced.symmetries).toBe(pinned ? 1 : 2);
        if (pinned) expect(reduced.states).toBe(plain.states);
        else expect(reduced.states).toBeLessThan(plain.states);
        expect(findings(reduced)).toEqual(findings(plain));
        expect(reduced.complete).toBe(plain.complete);
        for (const c of reduced.violations) expect(reproduces(REFERENCE, v, c)).toBe(true);
      },
    );
  },
);

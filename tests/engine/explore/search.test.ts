// Search control: depth bounds, progress reports, cancellation, the state limit, the sliced async run.
import { describe, expect, it } from 'vitest';
import { findVariant, type Variant } from '../../../src/engine';
import {
  CLASSIC_OPS,
  createSearch,
  explore as exploreAll,
  exploreAsync as exploreAsyncAll,
  type ExploreOptions,
  type ExploreProgress,
} from '../../../src/engine/explore';
import { REFERENCE, reproduces } from './helpers';

// Search control does not depend on the alphabet: the first eleven ops keep these searches short.
type Sc = Parameters<typeof exploreAll>[0];
const explore = (sc: Sc, v: Variant, o: ExploreOptions) => exploreAll(sc, v, { ops: CLASSIC_OPS, ...o });
const exploreAsync = (sc: Sc, v: Variant, o: Parameters<typeof exploreAsyncAll>[2]) =>
  exploreAsyncAll(sc, v, { ops: CLASSIC_OPS, ...o });

function variant(id: string): Variant {
  const v = findVariant(id);
  if (!v) throw new Error(`missing ${id}`);
  return v;
}

describe('explore', () => {
  it('depth 0 holds only the initial state', () => {
    const r = explore(REFERENCE, variant('v4.18'), { depth: 0 });
    expect(r).toMatchObject({
      states: 1,
      transitions: 0,
      complete: true,
      exhausted: false,
      exploredDepth: 0,
      violations: [],
    });
  });

  it('depth 1 tries every legal first event', () => {
    // qemu and editor start in the kernel: each CPU can return to user, use kernel NEON, take a softirq,
    // or schedule kworker (the other task is current on the other CPU).
    const r = explore(REFERENCE, variant('v4.18'), { depth: 1 });
    expect(r.transitions).toBe(2 * 4);
    expect(r.states).toBeGreaterThan(1);
    // Every op adds, per CPU: kernel_neon_begin, signal, exec and idle (no section is open, no frame
    // is pending, the CPU is not idle, and no host task is stopped for ptrace).
    const all = exploreAll(REFERENCE, variant('v4.18'), { depth: 1 });
    expect(all.transitions).toBe(2 * 8);
    expect(all.ops).toHaveLength(20);
    expect(all.maxSignalFrames).toBe(1);
  });

  it('rejects a bad depth', () => {
    expect(() => explore(REFERENCE, variant('v4.18'), { depth: -1 })).toThrow(RangeError);
    expect(() => explore(REFERENCE, variant('v4.18'), { depth: 1.5 })).toThrow(RangeError);
  });

  it('stops when the whole state space is explored before the bound', () => {
    const tiny = { cpus: 1, tasks: [{ id: 'k', kthread: true }], start: { '0': 'k' } };
    const r = explore(tiny, variant('v4.18'), { depth: 50 });
    expect(r.complete).toBe(true);
    expect(r.exhausted).toBe(true);
    expect(r.exploredDepth).toBe(50);
    expect(r.states).toBeLessThan(10);
  });

  it('reports progress with depth, states, transitions and rate', () => {
    const seen: ExploreProgress[] = [];
    explore(REFERENCE, variant('v4.18'), {
      depth: 12,
      pollEvery: 64,
      progressEveryMs: 0,
      onProgress: (p) => seen.push(p),
    });
    expect(seen.length).toBeGreaterThan(10);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].states).toBeGreaterThanOrEqual(seen[i - 1].states);
      expect(seen[i].depth).toBeGreaterThanOrEqual(seen[i - 1].depth);
    }
    const last = seen[seen.length - 1];
    expect(last.depth).toBeLessThanOrEqual(12);
    expect(last.transitions).toBeGreaterThan(last.states);
    expect(last.statesPerSecond).toBeGreaterThan(0);
  });

  it('cancels cleanly at a poll and keeps what it found', () => {
    let polls = 0;
    const v = variant('v4.18/no-neon-save');
    const r = explore(REFERENCE, v, { depth: 12, pollEvery: 256, shouldStop: () => ++polls > 8 });
    expect(r.complete).toBe(false);
    expect(r.stopped).toBe('cancelled');
    expect(r.exploredDepth).toBeLessThan(12);
    expect(r.states).toBeLessThan(explore(REFERENCE, v, { depth: 12 }).states);
    expect(r.violations.length).toBeGreaterThan(0);
    for (const c of r.violations) expect(reproduces(REFERENCE, v, c)).toBe(true);
  });

  it('stops at the state limit exactly', () => {
    for (const maxStates of [1, 7, 500]) {
      const r = explore(REFERENCE, variant('v4.18'), { depth: 12, maxStates });
      expect(r.complete).toBe(false);
      expect(r.stopped).toBe('state-limit');
      expect(r.states).toBe(maxStates);
    }
    // A limit the search never needs to pass is not a stop.
    const all = explore(REFERENCE, variant('v4.18'), { depth: 3 });
    expect(explore(REFERENCE, variant('v4.18'), { depth: 3, maxStates: all.states })).toMatchObject({
      complete: true,
      stopped: null,
    });
  });

  it('looks at shouldStop before its first expansion and then every few states, not thousands', () => {
    const r = explore(REFERENCE, variant('v4.18'), { depth: 12, shouldStop: () => true });
    expect(r).toMatchObject({ states: 1, stopped: 'cancelled', exploredDepth: 0 });
    let asked = 0;
    const later = explore(REFERENCE, variant('v4.18'), { depth: 12, shouldStop: () => ++asked > 1 });
    expect(later.stopped).toBe('cancelled');
    expect(later.states).toBeLessThan(400);
  });

  it('estimates the current depth from the previous growth, and reports memory', () => {
    const seen: ExploreProgress[] = [];
    explore(REFERENCE, variant('v4.18'), {
      depth: 12,
      progressEveryMs: 0,
      onProgress: (p) => seen.push(p),
    });
    const mid = seen.filter((p) => p.estimate && p.estimate.growth !== null && p.estimate.depthDone < 1);
    expect(mid.length).toBeGreaterThan(0);
    for (const p of mid) {
      const e = p.estimate!;
      expect(e.depthDone).toBeGreaterThanOrEqual(0);
      expect(e.atDepth).toBeLessThanOrEqual(p.states);
      expect(e.bytes).toBeGreaterThan(0);
      expect(e.bytesAtLimit).toBeGreaterThan(e.bytes);
    }
  });

  it('runs in slices: advance returns false until done, and cancel() stops it', () => {
    const s = createSearch(REFERENCE, variant('v4.18'), { depth: 12, ops: CLASSIC_OPS, pollEvery: 16 });
    expect(s.advance(0)).toBe(false);
    expect(s.progress().states).toBeGreaterThan(1);
    s.cancel();
    expect(s.advance()).toBe(true);
    expect(s.result()).toMatchObject({ complete: false, stopped: 'cancelled' });
  });

  it('exploreAsync yields between slices and gives the same result', async () => {
    let yields = 0;
    const v = variant('v4.18/no-put-save');
    const r = await exploreAsync(REFERENCE, v, {
      depth: 12,
      pollEvery: 32,
      sliceMs: 0,
      yieldTo: async () => {
        yields++;
      },
    });
    expect(yields).toBeGreaterThan(0);
    const sync = explore(REFERENCE, v, { depth: 12 });
    expect([r.states, r.transitions, r.complete]).toEqual([sync.states, sync.transitions, true]);
    expect(r.violations).toEqual(sync.violations);
  });

  it('says how deep the deepest state of an exhausted space is, and nothing for a bounded search', () => {
    // The reference machine's v4.18 space (first eleven ops): 30,784 states, the deepest 29 events in.
    const r = explore(REFERENCE, variant('v4.18'), { depth: 100, ops: CLASSIC_OPS });
    expect([r.exhausted, r.states, r.lastDepth]).toEqual([true, 30_784, 29]);
    expect(explore(REFERENCE, variant('v4.18'), { depth: 5 }).lastDepth).toBeNull();
  });
});

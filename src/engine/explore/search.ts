// Breadth-first search over every legal event sequence from a scenario's initial state, up to a depth.
// States are deduplicated by their encoding (codec.ts), optionally up to symmetry (symmetry.ts). The
// first time a violation (kind, context) shows up is at its shortest length, because every state is
// first reached by a shortest sequence and levels are expanded in order. Its options and result are
// in searchTypes.ts, its fixed parts (machine, encoding, store, cache) in space.ts.
import type { Scenario } from '../types';
import type { Variant } from '../variants';
import { DEFAULT_MAX_SIGNAL_FRAMES } from './alphabet';
import { createFindings } from './findings';
import { createExpander } from './successors';
import { createMemoryMeter } from './memory';
import { stateSpace } from './space';
import {
  symmetryMode,
  type ExploreOptions,
  type ExploreProgress,
  type ExploreResult,
  type Search,
} from './searchTypes';

export type { Counterexample } from './findings';
export { DEFAULT_MAX_BYTES, defaultMaxStates, storeBytesPerState } from './memory';
export type { MemoryReading, MemoryReport } from './memory';
export { stateSpace } from './space';
export * from './searchTypes';

export function createSearch(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: ExploreOptions,
): Search {
  if (!Number.isInteger(opts.depth) || opts.depth < 0) throw new RangeError('depth must be an integer >= 0');
  const space = stateSpace(sc, variant, opts);
  const { st } = space;
  const maxStates = st.limit;
  const meter = createMemoryMeter(space.memory, maxStates, opts.memoryUsage);
  const counted = (): number =>
    st.bytes() + (space.memo?.bytes() ?? 0) + (space.sleep?.bytes() ?? 0) + space.memory.fixedBytes;
  meter(counted()); // the reading before the search grows: its start
  const pollEvery = Math.max(1, opts.pollEvery ?? 16);
  const progressEveryMs = opts.progressEveryMs ?? 250;
  const findings = createFindings(space.m, symmetryMode(opts.symmetry), space.orbitGroup);
  let stopped: ExploreResult['stopped'] = null;
  const expander = createExpander(space, findings, () => {
    stopped = 'state-limit';
  });
  expander.addRoot();

  // Breadth-first levels are id ranges: level `level` ends at levelEnd; cursor is the next to expand.
  const t0 = performance.now();
  let level = 0;
  let levelStart = 0;
  let levelEnd = 1;
  let previousSize = 0;
  let levelT0 = t0;
  let cursor = 0;
  let transitions = 0;
  let done = opts.depth === 0;
  let complete = done;
  let exhausted = false;
  let cancelled = false;
  let lastProgress = t0;

  const exploredDepth = (): number => (complete ? opts.depth : level);

  const progress = (): ExploreProgress => {
    const now = performance.now();
    const seconds = (now - t0) / 1000;
    const size = levelEnd - levelStart;
    const depthDone = done ? 1 : size > 0 ? (cursor - levelStart) / size : 0;
    const inLevel = (now - levelT0) / 1000;
    const memory = meter(counted());
    return {
      depth: done ? exploredDepth() : level + 1,
      states: st.count,
      transitions,
      seconds,
      statesPerSecond: seconds > 0 ? st.count / seconds : 0,
      estimate: {
        atDepth: done ? 0 : st.count - levelEnd,
        previousDepth: size,
        growth: previousSize > 0 ? size / previousSize : null,
        depthDone,
        depthEtaSeconds:
          !done && depthDone > 0 && inLevel > 0.2 ? (inLevel * (1 - depthDone)) / depthDone : null,
        bytes: memory.bytes,
        bytesAtLimit: memory.bound,
        maxStates,
        memory,
      },
    };
  };

  /** Moves to the next level when the current one is done; false when there is none to explore. */
  const nextLevel = (): boolean => {
    level++;
    previousSize = levelEnd - levelStart;
    levelStart = levelEnd;
    levelEnd = st.count;
    space.sleep?.nextLevel(levelEnd);
    levelT0 = performance.now();
    if (level < opts.depth && cursor < levelEnd) {
      // The depth just finished had a violation: every shortest one of that length is in findings.
      if (opts.stopAtViolation === 'depth' && findings.count() > 0) {
        stopped = 'violation';
        done = true;
        return false;
      }
      return true;
    }
    done = complete = true;
    exhausted = cursor === st.count;
    return false;
  };

  /** At a poll: true to stop (cancelled); reports progress when due. */
  const poll = (now: number): boolean => {
    if (cancelled || (opts.shouldStop && opts.shouldStop())) {
      stopped = 'cancelled';
      return true;
    }
    if (opts.timeLimitMs !== undefined && now - t0 >= opts.timeLimitMs) {
      stopped = 'time-limit';
      return true;
    }
    if (opts.onProgress && now - lastProgress >= progressEveryMs) {
      lastProgress = now;
      opts.onProgress(progress());
    }
    return false;
  };

  const advance = (budgetMs = Infinity): boolean => {
    const deadline = performance.now() + budgetMs;
    let sincePoll = 0;
    if (!done && poll(performance.now())) done = true; // a stop asked before this slice
    while (!done) {
      if (cursor === levelEnd && !nextLevel()) break;
      transitions += expander.expand(cursor++);
      if (opts.stopAtViolation === true && stopped === null && findings.count() > 0) stopped = 'violation';
      if (stopped !== null) {
        done = true;
        break;
      }
      if (++sincePoll < pollEvery) continue;
      sincePoll = 0;
      const now = performance.now();
      if (poll(now)) {
        done = true;
        break;
      }
      if (now >= deadline) return false;
    }
    return true;
  };

  const result = (): ExploreResult => {
    const p = progress();
    return {
      variant: variant.id,
      depth: opts.depth,
      ops: space.ops,
      maxSignalFrames: space.m.cfg.maxSignalFrames ?? DEFAULT_MAX_SIGNAL_FRAMES,
      states: p.states,
      transitions,
      seconds: p.seconds,
      complete,
      stopped,
      exploredDepth: exploredDepth(),
      exhausted,
      // The level that came out empty is `level`: the one before it held the deepest states.
      lastDepth: exhausted ? level - 1 : null,
      symmetries: space.group.length,
      cache: space.memo === null ? null : space.memo.stats(),
      memory: p.estimate?.memory ?? meter(counted()),
      violations: findings.counterexamples(st, space.group, space.alphabet),
    };
  };

  return {
    advance,
    progress,
    result,
    cancel: () => {
      cancelled = true;
    },
    cacheSnapshot: () => (space.memo === null || space.sleep !== null ? null : space.memo.snapshot()),
  };
}

/** Runs a search to the end (or until shouldStop), synchronously. */
export function explore(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: ExploreOptions,
): ExploreResult {
  const s = createSearch(sc, variant, opts);
  s.advance();
  return s.result();
}

/**
 * Runs a search in slices of sliceMs, yielding between them (so a Ctrl-C handler or a worker's cancel
 * message gets to run); pass `yieldTo` to choose how.
 */
export async function exploreAsync(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: ExploreOptions & { sliceMs?: number; yieldTo?: () => Promise<void> },
): Promise<ExploreResult> {
  const s = createSearch(sc, variant, opts);
  const pause = opts.yieldTo ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  while (!s.advance(opts.sliceMs ?? 50)) await pause();
  return s.result();
}

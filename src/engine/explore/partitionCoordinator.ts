// The coordinator of the partitioned (multi-core) search (partition.ts): it starts each breadth-first
// level on every worker, forwards the successors each finds to their owners, holds the barrier that
// ends a level, decides as the single-core search does whether to go on (depth, exhaustion, a stop),
// and merges what the workers found: per violation key the finding of least depth, its path rebuilt
// from the workers' parent records and replayed. Progress is the workers' figures summed, in the
// single-core search's shape, so the same progress line shows it.
import type { Variant } from '../variants';
import type { Scenario } from '../types';
import { counterexamplesOf, type Chain } from './findings';
import {
  type CoordinatorHooks,
  type FromPartition,
  mergeFindings,
  type PartitionOptions,
  type PartitionStats,
  type ToPartition,
} from './partitionProtocol';
import { cacheBudget, createMemoryMeter, type MemoryReport } from './memory';
import { stateSpace } from './space';
import type { ExploreProgress, ExploreResult } from './searchTypes';
import { DEFAULT_MAX_SIGNAL_FRAMES } from './alphabet';

export interface Coordinator {
  /** A message from worker w. */
  handle(w: number, msg: FromPartition): void;
  /** Stops the search at the workers' next poll; the result is then marked incomplete. */
  cancel(): void;
  /** Looks at the clock (the time limit); the driver calls it every few milliseconds. */
  tick(): void;
  readonly result: Promise<ExploreResult>;
}

// What a worker thread adds to the process before it stores a state (its own heap and code): measured
// 36 to 38 MB a thread (check --workers 2 started at 136 to 140 MB resident against 64 MB).
export const THREAD_RUNTIME_BYTES = 48 * 1024 ** 2;

type CacheStats = NonNullable<PartitionStats['cache']>;
type Reply<T extends FromPartition['type']> = Extract<FromPartition, { type: T }>;

export function createCoordinator(
  config: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  options: PartitionOptions,
  workers: number,
  send: (w: number, msg: ToPartition, transfer: ArrayBuffer[]) => void,
  hooks: CoordinatorHooks = {},
): Coordinator {
  const k = workers;
  const t0 = performance.now();
  // The fixed parts for rebuilding and replaying counterexamples (no cache, no room for states).
  const sp = stateSpace(config, variant, { ...options, cache: false, maxStates: 1 });
  const stats: (PartitionStats | null)[] = Array.from({ length: k }, () => null);
  // The exchanges under way, by the reply awaited: a level's and, meanwhile, the findings' (report, chains).
  const waiting = new Map<FromPartition['type'], { got: FromPartition[]; n: number; done: () => void }>();
  let cancelled = false;
  let timedOut = false;
  let stopping = false;
  let failed: (e: Error) => void = () => undefined;
  let level = 0;
  let done = false;
  let exploredDepth = 0;
  let previousSize = 0;
  let levelT0 = t0;
  let lastProgress = t0;
  let meter: ((counted: number) => MemoryReport) | null = null;

  const sum = (f: (s: PartitionStats) => number): number => stats.reduce((a, s) => a + (s ? f(s) : 0), 0);

  const progress = (): ExploreProgress => {
    const now = performance.now();
    const seconds = (now - t0) / 1000;
    const states = sum((s) => s.count);
    const size = sum((s) => s.levelEnd - s.levelStart);
    const depthDone = done ? 1 : size > 0 ? sum((s) => s.cursor - s.levelStart) / size : 0;
    const inLevel = (now - levelT0) / 1000;
    const first = stats.find((s) => s !== null);
    const limit = first?.limit ?? 0;
    // Measured as the single-core search measures (the process, all its threads); the bound has k
    // caches, k fixed tables and k threads' own runtime.
    const cacheBytes = options.cache === false ? 0 : cacheBudget(options.maxBytes);
    const fixedBytes = (sp.memory.fixedBytes + THREAD_RUNTIME_BYTES) * k;
    const kShape = { ...sp.memory, cacheBytes: cacheBytes * k, fixedBytes };
    meter ??= first ? createMemoryMeter(kShape, limit, hooks.memoryUsage) : null;
    const memory = meter?.(sum((s) => s.bytes));
    return {
      depth: done ? exploredDepth : level + 1,
      states,
      transitions: sum((s) => s.transitions),
      seconds,
      statesPerSecond: seconds > 0 ? states / seconds : 0,
      estimate: {
        atDepth: done ? 0 : states - sum((s) => s.levelEnd),
        previousDepth: size,
        growth: previousSize > 0 ? size / previousSize : null,
        depthDone,
        depthEtaSeconds:
          !done && depthDone > 0 && inLevel > 0.2 ? (inLevel * (1 - depthDone)) / depthDone : null,
        bytes: memory?.bytes ?? 0,
        bytesAtLimit: memory?.bound ?? 0,
        maxStates: limit,
        memory,
      },
    };
  };

  /** Sends each worker its message, and waits for a reply of `type` from every one. */
  const exchange = <T extends FromPartition['type']>(
    msg: (w: number) => ToPartition,
    type: T,
  ): Promise<Reply<T>[]> =>
    new Promise<Reply<T>[]>((resolve) => {
      const got: FromPartition[] = new Array(k);
      waiting.set(type, { got, n: 0, done: () => resolve(got as Reply<T>[]) });
      for (let w = 0; w < k; w++) {
        const m = msg(w);
        send(w, m, m.type === 'states' ? [m.batch.buffer] : []);
      }
    });

  const stopAll = (): void => {
    if (stopping) return;
    stopping = true;
    for (let w = 0; w < k; w++) send(w, { type: 'cancel' }, []);
  };

  /** Past the time limit: every worker stops at its next poll, as the single-core search does. */
  const tick = (): void => {
    if (done || timedOut || hooks.timeLimitMs === undefined) return;
    if (performance.now() - t0 < hooks.timeLimitMs) return;
    timedOut = true;
    stopAll();
  };

  const handle = (w: number, msg: FromPartition): void => {
    tick();
    if (msg.type === 'states') {
      send(msg.to, { type: 'states', batch: msg.batch }, [msg.batch.buffer]);
      return;
    }
    if (msg.type === 'error') {
      failed(new Error(msg.message));
      return;
    }
    if ('stats' in msg) stats[w] = msg.stats;
    if (msg.type === 'progress') {
      showFound();
      const now = performance.now();
      if (hooks.onProgress && now - lastProgress >= (hooks.progressEveryMs ?? 250)) {
        lastProgress = now;
        hooks.onProgress(progress());
      }
      return;
    }
    // A full store anywhere stops every worker at once, as the single-core search stops.
    if (msg.type === 'expanded' && msg.stats.full) stopAll();
    const wt = waiting.get(msg.type);
    if (wt === undefined || wt.got[w] !== undefined)
      throw new Error(`explorer: unexpected ${msg.type} from worker ${w}`);
    wt.got[w] = msg;
    if (++wt.n === k) {
      waiting.delete(msg.type);
      wt.done();
    }
  };

  /** The parent records of every state on the paths to `ids`, asked of their owners round by round. */
  const chainsTo = async (ids: number[]): Promise<Chain> => {
    const known = new Map<number, number[]>();
    let need = ids.filter((id) => id >= 0);
    while (need.length > 0) {
      const per: number[][] = Array.from({ length: k }, () => []);
      for (const id of new Set(need)) per[id % k].push(id);
      const replies = await exchange((w) => ({ type: 'chains', ids: per[w] }), 'chains');
      const parents: number[] = [];
      for (const r of replies)
        for (let i = 0; i < r.entries.length; i += 3) {
          known.set(r.entries[i], [r.entries[i + 1], r.entries[i + 2]]);
          parents.push(r.entries[i + 1]);
        }
      // A worker walks up as far as it owns the states: the rest is asked of their owners.
      need = parents.filter((p) => p >= 0 && !known.has(p));
    }
    const rec = (id: number): number[] => {
      const r = known.get(id);
      if (r === undefined) throw new Error(`explorer: no record of state ${id}`);
      return r;
    };
    return { parent: (id) => rec(id)[0], event: (id) => rec(id)[1] & 0xffff, sym: (id) => rec(id)[1] >>> 16 };
  };

  /** Every worker's findings merged, their paths rebuilt and replayed: between levels or at the end. */
  const counterexamples = async () => {
    const reports = await exchange(() => ({ type: 'report' }), 'report');
    const found = mergeFindings(reports);
    const chain = await chainsTo(found.map((f) => f.parent));
    const { m, orbitGroup, group, alphabet } = sp;
    const violations = counterexamplesOf(m, options.symmetry, orbitGroup, found, chain, group, alphabet);
    return { reports, violations };
  };
  let foundShown = 0;
  let foundAt = t0;
  let finding: Promise<unknown> | null = null;

  /**
   * What was found so far, for a caller that shows it while the search runs (at most every
   * foundEveryMs): asked of the workers, which answer between their slices.
   */
  const showFound = (): void => {
    const found = sum((s) => s.found);
    const { onFound, foundEveryMs = 0 } = hooks;
    if (!onFound || done || finding || found === foundShown || performance.now() - foundAt < foundEveryMs)
      return;
    foundShown = found;
    foundAt = performance.now();
    finding = counterexamples().then(
      (c) => {
        finding = null;
        if (!done) onFound(c.violations);
      },
      (e: unknown) => failed(e instanceof Error ? e : new Error(String(e))),
    );
  };

  const run = async (): Promise<ExploreResult> => {
    const { depth } = options;
    const fixed = { config, variant: variant.id, options, workers: k, cache: hooks.cacheSeed };
    const spec = (index: number) => ({ ...fixed, index });
    await exchange((w) => ({ type: 'init', spec: spec(w) }), 'expanded');
    await exchange(() => ({ type: 'barrier' }), 'leveled');
    let complete = depth === 0;
    let exhausted = false;
    let stopped: ExploreResult['stopped'] = null;
    while (!complete) {
      levelT0 = performance.now();
      const ex = await exchange(() => ({ type: 'level', level }), 'expanded');
      const lv = await exchange(() => ({ type: 'barrier' }), 'leveled');
      if (ex.some((r) => r.stats.full) || lv.some((r) => r.stats.full)) stopped = 'state-limit';
      else if (ex.some((r) => r.stats.cancelled)) stopped = timedOut ? 'time-limit' : 'cancelled';
      if (stopped !== null) break;
      showFound();
      const fresh = sum((s) => s.count - s.levelEnd);
      previousSize = sum((s) => s.levelEnd - s.levelStart);
      level++;
      if (level < depth && fresh > 0) {
        // As the single-core search: a violation at the depth bound, or with nothing left, ends it as usual.
        if (options.stopAtViolation && sum((s) => s.found) > 0) stopped = 'violation';
        else if (cancelled || timedOut) stopped = timedOut ? 'time-limit' : 'cancelled';
        if (stopped !== null) break;
        continue;
      }
      complete = true;
      exhausted = fresh === 0;
    }
    done = true;
    exploredDepth = complete ? depth : level;
    await finding;
    const { reports, violations } = await counterexamples();
    const caches = reports.map((r) => r.stats.cache);
    const add = (a: CacheStats, c: CacheStats) => ({
      misses: a.misses + c.misses,
      outcomes: a.outcomes + c.outcomes,
      treeWords: a.treeWords + c.treeWords,
    });
    const cache = caches.every((c) => c !== null) ? caches.reduce(add) : null;
    const p = progress();
    return {
      variant: variant.id,
      depth,
      ops: sp.ops,
      maxSignalFrames: sp.m.cfg.maxSignalFrames ?? DEFAULT_MAX_SIGNAL_FRAMES,
      states: p.states,
      transitions: p.transitions,
      seconds: p.seconds,
      complete,
      stopped,
      exploredDepth,
      exhausted,
      lastDepth: exhausted ? level - 1 : null,
      symmetries: sp.group.length,
      cache,
      memory: p.estimate?.memory,
      violations,
    };
  };

  const result = new Promise<ExploreResult>((resolve, reject) => {
    failed = reject;
    run().then(resolve, reject);
  });

  return {
    handle,
    cancel() {
      cancelled = true;
      stopAll();
    },
    tick,
    result,
  };
}

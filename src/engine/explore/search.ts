// Breadth-first search over every legal event sequence from a scenario's initial state, up to a depth.
// States are deduplicated by their encoding (codec.ts), optionally up to symmetry (symmetry.ts). The
// first time a violation (kind, context) shows up is at its shortest length, because every state is
// first reached by a shortest sequence and levels are expanded in order.
import { createMachine, initialMachineState } from '../machine';
import type { Scenario } from '../types';
import type { Variant } from '../variants';
import { OPS, type Op } from '../types';
import { DEFAULT_MAX_SIGNAL_FRAMES, eventAlphabet, explorerOps, machineOps } from './alphabet';
import { makeLayout, type VersionMode } from './codec';
import { createFindings, type Counterexample } from './findings';
import { createMemo } from './memo';
import { createSleepSets } from './sleep';
import { createDeadVariables, deadVariableGuard } from './dead';
import { cloneState } from '../state';
import { makePacking } from './pack';
import { createStore, MAX_STORE_STATES } from './store';
import { canonCacheBytes, createExpander, type StateSpace } from './successors';
import {
  cacheBudget,
  createMemoryMeter,
  defaultMaxStates,
  sleepBytesPerState,
  type MemoryReading,
  type MemoryReport,
  type MemoryShape,
} from './memory';
import { cpuRenamings, identity, stabilizer, symmetryGroup } from './symmetry';

export type { Counterexample } from './findings';
export { DEFAULT_MAX_BYTES, defaultMaxStates, storeBytesPerState } from './memory';
export type { MemoryReading, MemoryReport } from './memory';

export type SymmetryMode = 'off' | 'exact' | 'cpus' | 'classes';

export const symmetryMode = (s: ExploreOptions['symmetry']): SymmetryMode =>
  s === undefined ? 'exact' : s === true ? 'classes' : s === false ? 'off' : s;

export interface ExploreOptions {
  /** Longest event sequence explored. */
  depth: number;
  /**
   * Identify states equal up to renaming CPUs and interchangeable contexts (symmetry.ts). 'exact'
   * (default): only renamings that fix the initial state, so every (kind, context) keeps its shortest
   * length; 'cpus': every renaming of CPUs as well (with the same context renamings), still exact per
   * context; 'classes' (or true): all of them, reporting per class of interchangeable contexts;
   * 'off' (or false): none.
   */
  symmetry?: SymmetryMode | boolean;
  /** The ops tried (default: every op the machine has, machineOps(); the Spin cross-check passes CLASSIC_OPS). */
  ops?: readonly Op[];
  /** Pending signal frames a task may have: `signal` is illegal beyond (default DEFAULT_MAX_SIGNAL_FRAMES). */
  maxSignalFrames?: number;
  /** 'abstract' (default): newest-or-stale flags; 'exact': raw version numbers (see codec.ts). */
  versions?: VersionMode;
  /** Learn each event's effect once per distinct read set and replay it on the bytes (memo.ts). Default true. */
  cache?: boolean;
  /**
   * Sleep sets (sleep.ts): skip events that commute with the one that led to a state and were tried
   * from its parent. Same states, violations and shortest lengths; fewer transitions, but on this
   * model the work of deciding independence costs more than the transitions saved (docs/explorer.md:
   * measured), so the default is false. Needs the cache (its footprints decide independence).
   */
  sleep?: boolean;
  /**
   * Dead-variable reduction (dead.ts): fields no step can read before overwriting them (a task's CPU
   * fields while nothing points at its state, TIF_FOREIGN_FPSTATE while it runs nowhere) are stored at
   * one value. Same violations, shortest lengths and exhaustion verdict; fewer states. Default false.
   */
  dead?: boolean;
  /**
   * Most distinct states kept: the search stops (complete: false) rather than store another. Default:
   * as many as fit in maxBytes.
   */
  maxStates?: number;
  /** Memory the default state limit is sized to (default 2 GB; memory.ts). */
  maxBytes?: number;
  /** The transition cache's budget in bytes (default: memory.ts's cacheBudget of maxBytes). */
  cacheBytes?: number;
  /**
   * The memory the process really holds, read at each progress report (the engine cannot read it:
   * the CLI passes Node's resident set size, the app's worker what the browser reports). Without it,
   * the bytes the search counts are reported, labelled 'counted'.
   */
  memoryUsage?: () => MemoryReading | null;
  /**
   * States expanded between two looks at the clock, shouldStop and the progress callback (default
   * 16: a few hundredths of a second at most, even while the cache is still learning).
   */
  pollEvery?: number;
  /**
   * Stop at the first violation (stopped: 'violation'): what was found is a shortest sequence for its
   * (kind, context), as every shorter sequence was explored first. true: as soon as one is found (the
   * gallery, which shows one); 'depth': once the depth it is found at is finished, so every (kind,
   * context) whose shortest sequence has that length is reported (`check --first`, the Explore view's
   * "Stop at the first violating depth"). A violation at the depth bound itself ends the search as
   * usual (complete).
   */
  stopAtViolation?: boolean | 'depth';
  /** Stop (stopped: 'time-limit', incomplete) at the first poll this many milliseconds after the start. */
  timeLimitMs?: number;
  /** Least interval between two progress callbacks. */
  progressEveryMs?: number;
  onProgress?: (p: ExploreProgress) => void;
  shouldStop?: () => boolean;
}

export interface ExploreProgress {
  /** Length of the event sequences being explored now (or, when finished, the depth completed). */
  depth: number;
  states: number;
  transitions: number;
  seconds: number;
  /** Distinct states per second so far. */
  statesPerSecond: number;
  /** Where the search stands in its current depth, and memory; absent in a finished search's summary. */
  estimate?: ProgressEstimate;
}

export interface ProgressEstimate {
  /** States found so far at this depth (the successors of the previous depth's states expanded yet). */
  atDepth: number;
  /** States the previous depth had (0 at the first), and the growth from the depth before it (or null). */
  previousDepth: number;
  growth: number | null;
  /** Share of the previous depth's states expanded (0 to 1). */
  depthDone: number;
  /** Estimated seconds to finish this depth, from the time spent on it so far; null until known. */
  depthEtaSeconds: number | null;
  /** Memory held (memory.bytes), and the bound stated at the state limit (memory.bound). */
  bytes: number;
  bytesAtLimit: number;
  maxStates: number;
  /** The same in full: what was measured (or counted), the peak, the bound. */
  memory?: MemoryReport;
}

/** Why a search ended before its depth bound (null: it did not). */
export type StopReason = null | 'cancelled' | 'state-limit' | 'violation' | 'time-limit';

export interface ExploreResult {
  variant: string;
  depth: number;
  /** The ops tried, and the bound on pending signal frames per task. */
  ops: readonly Op[];
  maxSignalFrames: number;
  states: number;
  transitions: number;
  seconds: number;
  /** Every state within `depth` events was explored. */
  complete: boolean;
  stopped: StopReason;
  /** Every sequence of at most this many events was explored. */
  exploredDepth: number;
  /**
   * The search ran out of new states before the bound: every reachable state (of the abstraction) was
   * explored, so no sequence of any length has a violation other than those reported.
   */
  exhausted: boolean;
  /** When exhausted: the depth of the deepest state (every state is this close to the start); else null. */
  lastDepth: number | null;
  /** Number of symmetries used (1: no reduction). */
  symmetries: number;
  /** The transition cache: engine runs (misses), distinct outcomes, decision-tree words; null when off. */
  cache: { misses: number; outcomes: number; treeWords: number } | null;
  /** Memory at the end: the process's (or counted) use, its peak so far, and the stated bound. */
  memory?: MemoryReport;
  /**
   * One per (kind, context) in the order found, i.e. by length; with symmetry, one per kind and class
   * of interchangeable contexts (still a shortest sequence for the context it names).
   */
  violations: Counterexample[];
}

export interface Search {
  /** Explores for at most budgetMs (default: to the end). Returns true once the search is finished. */
  advance(budgetMs?: number): boolean;
  progress(): ExploreProgress;
  result(): ExploreResult;
  /** Stops at the next poll, keeping what was found. */
  cancel(): void;
}

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
  };
}

/** The fixed parts of a search: machine, encoding, alphabet, symmetries, store and cache. */
export function stateSpace(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start' | 'sve' | 'vhe'>,
  variant: Variant,
  opts: ExploreOptions,
): StateSpace & { memory: MemoryShape } {
  const m = createMachine(sc, variant);
  m.cfg.maxSignalFrames = opts.maxSignalFrames ?? DEFAULT_MAX_SIGNAL_FRAMES;
  const ops = explorerOps(machineOps(m.cfg, opts.ops ?? OPS));
  const alphabet = eventAlphabet(m.cfg, ops);
  const s0 = initialMachineState(m);
  // SVE fields (EraField.sve) live in the state's `sve` parts, not in the `x` arrays packed here.
  const fpFields = variant.era.fields.filter((f) => !f.sve);
  const L = makeLayout(m.cfg, s0, opts.versions ?? 'abstract', fpFields);
  const P = makePacking(L);
  const mode = symmetryMode(opts.symmetry);
  const guard =
    opts.dead === true
      ? (before: Uint8Array, after: Uint8Array, written: (p: number) => boolean) =>
          deadVariableGuard(L, before, after, written)
      : undefined;
  const sleep = opts.cache !== false && opts.sleep === true;
  const memory: MemoryShape = {
    W: P.W,
    fixedBytes: 0,
    cacheBytes: opts.cache === false ? 0 : (opts.cacheBytes ?? cacheBudget(opts.maxBytes)),
    extraPerState: sleep ? sleepBytesPerState(alphabet.length) : 0,
  };
  const memo =
    opts.cache === false
      ? null
      : createMemo(m, L, alphabet, cloneState(s0), P, guard, {
          budgetBytes: memory.cacheBytes,
          footprints: sleep,
        });
  const stabAll = mode === 'exact' || mode === 'cpus' ? stabilizer(m.cfg, L, s0) : [identity(m.cfg)];
  // A variant whose code writes the number of CPU 0 is symmetric only under renamings that keep it.
  const pin = <T extends { cpu: ArrayLike<number> }>(g: T[]): T[] =>
    variant.historic?.pinsCpu0 ? g.filter((x) => x.cpu[0] === 0) : g;
  const stab = pin(stabAll);
  const group = pin(
    mode === 'classes' ? symmetryGroup(m.cfg) : mode === 'cpus' ? cpuRenamings(m.cfg, stab) : stab,
  );
  memory.fixedBytes = canonCacheBytes(P.W, group.length);
  const limit = opts.maxStates ?? defaultMaxStates(P.W, opts.maxBytes, memory);
  return {
    memory,
    orbitGroup: mode === 'classes' ? group : stab,
    m,
    L,
    P,
    ops,
    alphabet,
    group,
    st: createStore(P.W, Math.min(limit, MAX_STORE_STATES)),
    memo,
    dead: opts.dead === true ? createDeadVariables(L, P) : null,
    sleep: memo !== null && sleep ? createSleepSets(alphabet.length) : null,
    s0,
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

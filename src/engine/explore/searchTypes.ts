// The explorer's options, progress and result: what a caller (the CLI, the app's worker, the
// partitioned search's coordinator) passes to a search and gets back. Plain data, no code but the
// symmetry option's reading.
import type { Op } from '../types';
import type { VersionMode } from './codec';
import type { Counterexample } from './findings';
import type { MemoryReading, MemoryReport } from './memory';
import type { MemoSnapshot } from './memoSeed';
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
  /** Start the cache from what another cache of the same search learned (the partitioned search's workers). */
  cacheSeed?: MemoSnapshot;
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
  /** What its transition cache has learned (null without the cache, or with sleep sets). */
  cacheSnapshot(): MemoSnapshot | null;
}

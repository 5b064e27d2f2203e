// Breadth-first search over every legal event sequence from a scenario's initial state, up to a depth.
// States are deduplicated by their encoding (codec.ts), optionally up to symmetry (symmetry.ts). The
// first time a violation (kind, context) shows up is at its shortest length, because every state is
// first reached by a shortest sequence and levels are expanded in order.
import { createMachine, initialMachineState } from '../machine';
import type { Scenario } from '../types';
import type { Variant } from '../variants';
import { eventAlphabet } from './alphabet';
import { makeLayout, type VersionMode } from './codec';
import { createFindings, type Counterexample } from './findings';
import { createMemo } from './memo';
import { cloneState } from '../state';
import { makePacking } from './pack';
import { createStore, MAX_STORE_STATES } from './store';
import { createExpander, type StateSpace } from './successors';
import { identity, stabilizer, symmetryGroup } from './symmetry';

export type { Counterexample } from './findings';

export type SymmetryMode = 'off' | 'exact' | 'classes';

const symmetryMode = (s: ExploreOptions['symmetry']): SymmetryMode =>
  s === undefined ? 'exact' : s === true ? 'classes' : s === false ? 'off' : s;

export interface ExploreOptions {
  /** Longest event sequence explored. */
  depth: number;
  /**
   * Identify states equal up to renaming CPUs and interchangeable contexts (symmetry.ts). 'exact'
   * (default): only renamings that fix the initial state, so every (kind, context) keeps its shortest
   * length; 'classes' (or true): all of them, reporting per class of interchangeable contexts;
   * 'off' (or false): none.
   */
  symmetry?: SymmetryMode | boolean;
  /** 'abstract' (default): newest-or-stale flags; 'exact': raw version numbers (see codec.ts). */
  versions?: VersionMode;
  /** Learn each event's effect once per distinct read set and replay it on the bytes (memo.ts). Default true. */
  cache?: boolean;
  /** Stop (complete: false) once this many distinct states are stored. */
  maxStates?: number;
  /** States expanded between two polls of shouldStop, the clock and the progress callback. */
  pollEvery?: number;
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
}

export interface ExploreResult {
  variant: string;
  depth: number;
  states: number;
  transitions: number;
  seconds: number;
  /** Every state within `depth` events was explored. */
  complete: boolean;
  stopped: null | 'cancelled' | 'state-limit';
  /** Every sequence of at most this many events was explored. */
  exploredDepth: number;
  /**
   * The search ran out of new states before the bound: every reachable state (of the abstraction) was
   * explored, so no sequence of any length has a violation other than those reported.
   */
  exhausted: boolean;
  /** Number of symmetries used (1: no reduction). */
  symmetries: number;
  /** The transition cache: engine runs (misses), distinct outcomes, decision-tree words; null when off. */
  cache: { misses: number; outcomes: number; treeWords: number } | null;
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

/** About 80 bytes a state on the reference machine: some 800 MB at the limit. */
export const DEFAULT_MAX_STATES = 10_000_000;

export function createSearch(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: ExploreOptions,
): Search {
  if (!Number.isInteger(opts.depth) || opts.depth < 0) throw new RangeError('depth must be an integer >= 0');
  const space = stateSpace(sc, variant, opts);
  const { st } = space;
  const maxStates = Math.min(opts.maxStates ?? DEFAULT_MAX_STATES, MAX_STORE_STATES);
  const pollEvery = Math.max(1, opts.pollEvery ?? 2048);
  const progressEveryMs = opts.progressEveryMs ?? 250;
  const findings = createFindings(space.m, symmetryMode(opts.symmetry), space.group);
  let stopped: ExploreResult['stopped'] = null;
  const expander = createExpander(space, findings, () => {
    if (st.count >= maxStates) stopped = 'state-limit';
  });
  expander.addRoot();

  // Breadth-first levels are id ranges: level `level` ends at levelEnd; cursor is the next to expand.
  const t0 = performance.now();
  let level = 0;
  let levelEnd = 1;
  let cursor = 0;
  let transitions = 0;
  let done = opts.depth === 0;
  let complete = done;
  let exhausted = false;
  let cancelled = false;
  let lastProgress = t0;

  const exploredDepth = (): number => (complete ? opts.depth : level);

  const progress = (): ExploreProgress => {
    const seconds = (performance.now() - t0) / 1000;
    return {
      depth: done ? exploredDepth() : level + 1,
      states: st.count,
      transitions,
      seconds,
      statesPerSecond: seconds > 0 ? st.count / seconds : 0,
    };
  };

  /** Moves to the next level when the current one is done; false when there is none to explore. */
  const nextLevel = (): boolean => {
    level++;
    levelEnd = st.count;
    if (level < opts.depth && cursor < levelEnd) return true;
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
    if (opts.onProgress && now - lastProgress >= progressEveryMs) {
      lastProgress = now;
      opts.onProgress(progress());
    }
    return false;
  };

  const advance = (budgetMs = Infinity): boolean => {
    const deadline = performance.now() + budgetMs;
    let sincePoll = 0;
    while (!done) {
      if (cursor === levelEnd && !nextLevel()) break;
      transitions += expander.expand(cursor++);
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
      states: p.states,
      transitions,
      seconds: p.seconds,
      complete,
      stopped,
      exploredDepth: exploredDepth(),
      exhausted,
      symmetries: space.group.length,
      cache: space.memo === null ? null : space.memo.stats(),
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
function stateSpace(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: ExploreOptions,
): StateSpace {
  const m = createMachine(sc, variant);
  const alphabet = eventAlphabet(m.cfg);
  const s0 = initialMachineState(m);
  const L = makeLayout(m.cfg, s0, opts.versions ?? 'abstract', variant.era.fields);
  const P = makePacking(L);
  const mode = symmetryMode(opts.symmetry);
  const group =
    mode === 'off' ? [identity(m.cfg)] : mode === 'classes' ? symmetryGroup(m.cfg) : stabilizer(m.cfg, L, s0);
  return {
    m,
    L,
    P,
    alphabet,
    group,
    st: createStore(P.W),
    memo: opts.cache === false ? null : createMemo(m, L, alphabet, cloneState(s0), P),
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

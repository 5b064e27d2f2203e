// Breadth-first search over every legal event sequence from a scenario's initial state, up to a depth.
// States are deduplicated by their encoding (codec.ts), optionally up to symmetry (symmetry.ts). The
// first time a violation (kind, context) shows up is at its shortest length, because every state is
// first reached by a shortest sequence and levels are expanded in order.
import { createMachine, initialMachineState, stepInPlace, type Machine } from '../machine';
import { replay } from '../replay';
import { cloneState } from '../state';
import type { Scenario, ScenarioEvent, Violation, ViolationKind } from '../types';
import type { Variant } from '../variants';
import { eventAlphabet } from './alphabet';
import {
  checkRange,
  compareWords,
  decode,
  encode,
  makeLayout,
  permuteEncoded,
  type VersionMode,
} from './codec';
import { createMemo } from './memo';
import { addState, createStore, MAX_STORE_STATES, wordsFor, type Store } from './store';
import { makeZobrist, zobrist } from './zobrist';
import { compose, contextClass, identity, invert, mapEvent, symmetryGroup, type Perm } from './symmetry';

export interface ExploreOptions {
  /** Longest event sequence explored. */
  depth: number;
  /** Identify states equal up to renaming CPUs and interchangeable contexts (see symmetry.ts). */
  symmetry?: boolean;
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

export interface Counterexample {
  kind: ViolationKind;
  context: string | null;
  /** For a leak: whose data leaked (to `context`). */
  source?: string;
  /** A shortest sequence from the initial state; its last event produces the violation. */
  events: ScenarioEvent[];
  cpu: number;
  message: string;
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

interface Found {
  parent: number;
  event: number;
  kind: ViolationKind;
  /** Context index in the parent's (representative) frame, -1 for none. */
  ctx: number;
}

/** About 80 bytes a state on the reference machine: some 800 MB at the limit. */
export const DEFAULT_MAX_STATES = 10_000_000;

export function createSearch(
  sc: Pick<Scenario, 'cpus' | 'tasks' | 'start'>,
  variant: Variant,
  opts: ExploreOptions,
): Search {
  if (!Number.isInteger(opts.depth) || opts.depth < 0) throw new RangeError('depth must be an integer >= 0');
  const m = createMachine(sc, variant);
  const cfg = m.cfg;
  const alphabet = eventAlphabet(cfg);
  const s0 = initialMachineState(m);
  const L = makeLayout(cfg, s0, opts.versions ?? 'abstract', variant.era.fields);
  const W = wordsFor(L.size);
  const group: Perm[] = opts.symmetry ? symmetryGroup(cfg) : [identity(cfg)];
  const maxStates = Math.min(opts.maxStates ?? DEFAULT_MAX_STATES, MAX_STORE_STATES);
  const pollEvery = Math.max(1, opts.pollEvery ?? 2048);
  const progressEveryMs = opts.progressEveryMs ?? 250;
  const st = createStore(W);
  const scratch = cloneState(s0);
  const Z = makeZobrist(L);
  const copies = L.copies;
  const memo = opts.cache === false ? null : createMemo(m, L, alphabet, cloneState(s0), Z);
  // Word buffers with byte views: the successor, its canonical form, and a candidate.
  const next = new Int32Array(W);
  const nextB = new Uint8Array(next.buffer);
  let key = new Int32Array(W);
  let alt = new Int32Array(W);
  let altB = new Uint8Array(alt.buffer);
  const out: Violation[] = [];
  // Bytes changed in place for a successor, to put back (a stale pass and a patch per copy at most).
  const undoPos = new Int32Array(4 * L.size);
  const undoVal = new Uint8Array(4 * L.size);
  const found: Found[] = [];

  let keyHash = 0;

  /** Puts the canonical form of `next` (whose hash is h) into `key` and its hash into keyHash. */
  const canonical = (h: number): number => {
    key.set(next);
    keyHash = h;
    let best = 0;
    for (let gi = 1; gi < group.length; gi++) {
      permuteEncoded(L, nextB, 0, group[gi], altB);
      if (compareWords(alt, key, W) < 0) {
        [key, alt] = [alt, key];
        altB = new Uint8Array(alt.buffer);
        best = gi;
      }
    }
    if (best !== 0) keyHash = zobrist(Z, new Uint8Array(key.buffer), 0, L.size);
    return best;
  };

  /** A small number per (kind, context or class of contexts): the key violations are reported by. */
  const keyIds = new Map<string, number>();
  const keyId = (v: Violation): number => {
    const ctx = v.context === null ? -1 : (cfg.byId.get(v.context) as number);
    const cls = ctx < 0 ? '-' : opts.symmetry ? contextClass(cfg, ctx) : String(ctx);
    const k = `${v.kind}|${cls}`;
    let n = keyIds.get(k);
    if (n === undefined) keyIds.set(k, (n = keyIds.size));
    return n;
  };
  /** Per key id, whether a violation with that key has been found (its first finding is kept). */
  const seen: boolean[] = [];
  /** Per cached outcome, the key ids of its violations (ablations report violations on many steps). */
  const outcomeKeys: number[][] = [];

  const noteViolations = (vs: readonly Violation[], id: number, e: number, keys?: number[]): void => {
    for (let i = 0; i < vs.length; i++) {
      const k = keys ? keys[i] : keyId(vs[i]);
      if (seen[k]) continue;
      seen[k] = true;
      const v = vs[i];
      const ctx = v.context === null ? -1 : (cfg.byId.get(v.context) as number);
      found.push({ parent: id, event: e, kind: v.kind, ctx });
    }
  };

  /** Adds the successor in `next` (hash h) of state id by event e, up to symmetry. */
  const add = (id: number, e: number, h: number): void => {
    const sym = canonical(h);
    if (addState(st, key, 0, keyHash, id, e, sym) >= 0 && st.count >= maxStates) stopped = 'state-limit';
  };

  // The root.
  encode(L, s0, nextB, 0);
  checkRange(L, nextB, 0);
  const rootSym = canonical(zobrist(Z, nextB, 0, L.size));
  addState(st, key, 0, keyHash, -1, 0, rootSym);

  const t0 = performance.now();
  let level = 0;
  let levelEnd = 1;
  let cursor = 0;
  let transitions = 0;
  let done = opts.depth === 0;
  let complete = done;
  let exhausted = false;
  let stopped: ExploreResult['stopped'] = null;
  let cancelled = false;
  let lastProgress = t0;

  /** Tries every event on state id: through the cache, or (cache off) through the engine. */
  const expand = (id: number): void => {
    const base = id * W;
    const hash = st.hashes[id];
    if (memo === null) {
      decode(L, st.bytes, base * 4, scratch);
      for (let e = 0; e < alphabet.length; e++) {
        out.length = 0;
        if (stepInPlace(m, scratch, alphabet[e], 0, out) !== null) continue; // illegal: unchanged
        transitions++;
        if (out.length) noteViolations(out, id, e);
        encode(L, scratch, nextB, 0);
        const h = zobrist(Z, nextB, 0, L.size);
        decode(L, st.bytes, base * 4, scratch);
        add(id, e, h);
      }
      return;
    }
    const set = memo.legal(st.bytes, base * 4);
    const zo = Z.off;
    const zz = Z.z;
    const inPlace = group.length === 1;
    for (let k = memo.legalStart[set], kEnd = memo.legalStart[set + 1]; k < kEnd; k++) {
      const e = memo.legalList[k];
      const o = memo.lookup(e, st.bytes, base * 4); // st.bytes: addState may have grown it
      transitions++;
      if (memo.nViol[o] !== 0) {
        const vs = memo.violations[o];
        noteViolations(vs, id, e, (outcomeKeys[o] ??= vs.map(keyId)));
      }
      // Without symmetry the successor is made in place, over the state's own stored bytes, and
      // undone after the lookup; with it, in `next`, to be renamed.
      let b: Uint8Array;
      let at: number;
      if (inPlace) {
        b = st.bytes;
        at = base * 4;
      } else {
        const words = st.words;
        for (let i = 0; i < W; i++) next[i] = words[base + i];
        b = nextB;
        at = 0;
      }
      const { pos, val } = memo;
      let h = hash ^ memo.delta[o];
      let u = 0;
      const stale = memo.stale[o];
      if (stale >= 0)
        for (let c = 0; c < copies.length; c++) {
          const f = at + copies[c] + 1;
          if (b[f - 1] === stale && b[f] === 1) {
            h ^= zz[zo[f - at] + 1] ^ zz[zo[f - at]];
            undoPos[u] = f;
            undoVal[u++] = 1;
            b[f] = 0;
          }
        }
      let j = memo.start[o];
      for (const dyn = memo.dyn[o]; j < dyn; j++) {
        const p = pos[j];
        const old = b[at + p];
        h ^= zz[zo[p] + old] ^ zz[zo[p] + val[j]];
        undoPos[u] = at + p;
        undoVal[u++] = old;
        b[at + p] = val[j];
      }
      for (const end = memo.start[o + 1]; j < end; j++) {
        const p = at + pos[j];
        undoPos[u] = p;
        undoVal[u++] = b[p];
        b[p] = val[j];
      }
      if (!inPlace) add(id, e, h);
      else {
        // Unchanged iff every byte touched holds its first saved (original) value; a different hash
        // already says it changed.
        let same = h === hash;
        for (let i = 0; i < u && same; i++) {
          let first = true;
          for (let q = 0; q < i && first; q++) if (undoPos[q] === undoPos[i]) first = false;
          if (first && b[undoPos[i]] !== undoVal[i]) same = false;
        }
        // A successor equal to its parent is already known; any other is never the parent.
        if (!same && addState(st, st.words, base, h, id, e, 0, id) >= 0 && st.count >= maxStates)
          stopped = 'state-limit';
        const nb = st.bytes; // the store may have grown, copying the patched bytes
        for (let i = u - 1; i >= 0; i--) nb[undoPos[i]] = undoVal[i];
      }
    }
  };

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

  const exploredDepth = (): number => (complete ? opts.depth : level);

  const advance = (budgetMs = Infinity): boolean => {
    const deadline = performance.now() + budgetMs;
    let sincePoll = 0;
    while (!done) {
      if (cursor === levelEnd) {
        level++;
        levelEnd = st.count;
        if (level >= opts.depth || cursor === levelEnd) {
          done = complete = true;
          exhausted = cursor === st.count;
          break;
        }
      }
      expand(cursor++);
      if (stopped !== null) {
        done = true;
        break;
      }
      if (++sincePoll >= pollEvery) {
        sincePoll = 0;
        if (cancelled || (opts.shouldStop && opts.shouldStop())) {
          stopped = 'cancelled';
          done = true;
          break;
        }
        const now = performance.now();
        if (opts.onProgress && now - lastProgress >= progressEveryMs) {
          lastProgress = now;
          opts.onProgress(progress());
        }
        if (now >= deadline) return false;
      }
    }
    return true;
  };

  const result = (): ExploreResult => {
    const p = progress();
    const violations = found.map((f) => counterexample(m, st, group, alphabet, f));
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
      symmetries: group.length,
      cache: memo === null ? null : memo.stats(),
      violations,
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

/**
 * The concrete event sequence to a found violation. Stored states are representatives: state i was
 * stored as g_i applied to the successor of its parent's representative, so the renaming h_i from the
 * concrete state to the representative composes as h_i = g_i after h_parent, and the representative's
 * event e stands for the concrete event h_parent^-1(e). The sequence is replayed to check it.
 */
function counterexample(
  m: Machine,
  st: Store,
  group: readonly Perm[],
  alphabet: readonly ScenarioEvent[],
  f: Found,
): Counterexample {
  const cfg = m.cfg;
  const chain: number[] = [];
  for (let id = f.parent; id >= 0; id = st.parent[id]) chain.push(id);
  chain.reverse();
  let h = group[st.sym[chain[0]]];
  const events: ScenarioEvent[] = [];
  for (let i = 1; i < chain.length; i++) {
    const id = chain[i];
    events.push(mapEvent(cfg, invert(h), alphabet[st.event[id]]));
    h = compose(group[st.sym[id]], h);
  }
  const back = invert(h);
  events.push(mapEvent(cfg, back, alphabet[f.event]));
  const context = f.ctx < 0 ? null : cfg.contexts[back.ctx[f.ctx]].id;
  const r = replay(m, events);
  const last = events.length - 1;
  const v = r.violations.find((x) => x.step === last && x.kind === f.kind && x.context === context);
  if (r.illegal || !v)
    throw new Error(
      `explorer: the counterexample for ${f.kind} (${context ?? '-'}) does not reproduce in replay; ` +
        'is the variant symmetric under renaming CPUs and tasks?',
    );
  return {
    kind: f.kind,
    context,
    ...(v.source !== undefined ? { source: v.source } : {}),
    events,
    cpu: v.cpu,
    message: v.message,
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

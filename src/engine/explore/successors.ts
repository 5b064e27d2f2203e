// Successor generation: every legal event on one stored state, each successor (up to symmetry) added
// to the store. Through the transition cache (memo.ts) when it is on, else through the engine's step.
import { stepInPlace, type Machine } from '../machine';
import { cloneState, type MachineState } from '../state';
import type { Op, ScenarioEvent, Violation } from '../types';
import { canonicalize, compileRenamings } from './canon';
import { checkRange, decode, encode, type Layout } from './codec';
import type { Findings } from './findings';
import type { Memo } from './memo';
import { hashWords, pack, unpack, type Packing } from './pack';
import { FULL, type Store } from './store';
import type { Perm } from './symmetry';
import { sleepyExpander, type SleepSets } from './sleep';

/** What successor generation works on: fixed for one search. */
export interface StateSpace {
  m: Machine;
  L: Layout;
  P: Packing;
  /** The ops tried; the alphabet is each on each CPU (and to each task for a task-naming op). */
  ops: readonly Op[];
  alphabet: readonly ScenarioEvent[];
  /** The renamings states are identified under: the identity first (alone when there is no symmetry). */
  group: readonly Perm[];
  /** The renamings that fix the initial state (findings.ts reports a violation for its orbit's contexts). */
  orbitGroup: readonly Perm[];
  st: Store;
  memo: Memo | null;
  /** Sets a packed state's dead fields to their fixed values (dead.ts); null when off. */
  dead: ((words: Int32Array) => void) | null;
  /**
   * Where a successor goes instead of this store (a partitioned search sends those another worker
   * owns, partition.ts): returns what Store.add returns (-1 for a state sent away). Absent: st.add.
   */
  route?: (words: Int32Array, h: number, parent: number, e: number, sym: number) => number;
  /** Sleep sets (sleep.ts), with the cache only; null when off. */
  sleep: SleepSets | null;
  s0: MachineState;
}

/** Slots of the canonical-form cache (a power of two, minus one). */
const CANON_CACHE_MASK = (1 << 16) - 1;

/** Bytes of the canonical-form cache for W words a state and a group of that size (memory.ts). */
export const canonCacheBytes = (W: number, groupSize: number): number =>
  groupSize > 1 ? (CANON_CACHE_MASK + 1) * (2 * W + 1) * 4 : 0;

/** What adding a successor did: the store's answer (new id, -1 known, FULL) and the renaming used. */
export interface AddResult {
  id: number;
  sym: number;
}

export interface Expander {
  /** Tries every event on state id; returns the number of legal events (transitions). */
  expand(id: number): number;
  /** Adds the initial state (id 0). */
  addRoot(): void;
}

/**
 * Successors of state id, added with their parent and event. `full` is called when a new state is
 * dropped because the store is at its limit.
 */
export function createExpander(sp: StateSpace, findings: Findings, full: () => void): Expander {
  const { m, L, P, alphabet, group, st, memo } = sp;
  const W = P.W;
  const scratch = cloneState(sp.s0);
  /** The state being expanded: packed, and as bytes (what the cache reads). */
  const parentW = new Int32Array(W);
  const cur = new Uint8Array(L.size);
  /** A successor, packed; bytes for encoding one; for renaming, the least renamed form. */
  const succ = new Int32Array(W);
  const enc = new Uint8Array(L.size);
  const least = new Uint8Array(L.size);
  const renamings = compileRenamings(L, group);
  // Per slot: a successor's words, its canonical words, the renaming (-1: empty).
  const canonCache = new Int32Array(canonCacheBytes(W, group.length) / 4).fill(-1);
  const out: Violation[] = [];
  /** Per cached outcome, the report keys of its violations (ablations report on many steps). */
  const outcomeKeys: number[][] = [];

  /**
   * Replaces the packed state in `words` by its canonical form, the renaming whose encoding is least
   * (canon.ts); h is the hash of the words as given. Returns the index of that renaming.
   */
  const canonical = (words: Int32Array, h: number): number => {
    if (group.length === 1) return 0;
    // Many successors are met again (from other parents): a direct-mapped cache of recent ones.
    const slot = (h & CANON_CACHE_MASK) * (2 * W + 1);
    let hit = canonCache[slot + 2 * W] >= 0;
    for (let i = 0; hit && i < W; i++) hit = canonCache[slot + i] === words[i];
    if (hit) {
      for (let i = 0; i < W; i++) words[i] = canonCache[slot + W + i];
      return canonCache[slot + 2 * W];
    }
    for (let i = 0; i < W; i++) canonCache[slot + i] = words[i];
    unpack(P, words, 0, enc, 0);
    const best = canonicalize(renamings, enc, least);
    if (best !== 0) pack(P, least, 0, words, 0);
    for (let i = 0; i < W; i++) canonCache[slot + W + i] = words[i];
    canonCache[slot + 2 * W] = best;
    return best;
  };

  /**
   * Adds the packed successor in `words` of state id by event e (parent -1: the root); returns what
   * the store's add returned and the renaming used.
   */
  const addPacked = (words: Int32Array, id: number, e: number): AddResult => {
    if (sp.dead !== null) sp.dead(words);
    const h = hashWords(words, 0, W);
    const sym = canonical(words, h);
    // Renaming 0 leaves the words as they were, and so their hash.
    const hc = sym === 0 ? h : hashWords(words, 0, W);
    const r = sp.route ? sp.route(words, hc, id, e, sym) : st.add(words, 0, hc, id, e, sym);
    if (r === FULL) full();
    added.id = r;
    added.sym = sym;
    return added;
  };
  const added: AddResult = { id: 0, sym: 0 };

  const load = (id: number): void => {
    st.load(id, parentW, 0);
    unpack(P, parentW, 0, cur, 0);
  };

  /** Without the cache: decode, step through the engine, encode. */
  const expandPlain = (id: number): number => {
    load(id);
    let legal = 0;
    decode(L, cur, 0, scratch);
    for (let e = 0; e < alphabet.length; e++) {
      out.length = 0;
      if (stepInPlace(m, scratch, alphabet[e], 0, out) !== null) continue; // illegal: unchanged
      legal++;
      if (out.length) findings.note(out, id, e);
      encode(L, scratch, enc, 0);
      pack(P, enc, 0, succ, 0);
      decode(L, cur, 0, scratch);
      addPacked(succ, id, e);
    }
    return legal;
  };

  /** Through the cache: each legal event's outcome patches a copy of the parent's words. */
  const expandCached = (memo: Memo, id: number): number => {
    load(id);
    const outcomes = memo.outcomes;
    const set = memo.legal(cur, 0);
    const from = memo.legalFrom(set);
    const to = memo.legalFrom(set + 1);
    for (let k = from; k < to; k++) {
      const e = memo.legalEvent(k);
      const o = memo.lookup(e, cur, 0);
      const vs = outcomes.violations(o);
      if (vs.length !== 0)
        findings.note(vs, id, e, memo.kept(o) ? (outcomeKeys[o] ??= findings.keysOf(vs)) : undefined);
      for (let i = 0; i < W; i++) succ[i] = parentW[i];
      outcomes.apply(o, cur, succ);
      // A step that changed nothing leads back to this state, which is stored.
      let same = true;
      for (let i = 0; same && i < W; i++) same = succ[i] === parentW[i];
      if (!same) addPacked(succ, id, e);
    }
    return to - from;
  };

  const sleep = sp.sleep;
  const expandAsleep =
    memo !== null && sleep !== null ? sleepyExpander(sp, memo, sleep, findings, addPacked) : null;

  return {
    expand: (id) =>
      expandAsleep !== null ? expandAsleep(id) : memo === null ? expandPlain(id) : expandCached(memo, id),
    addRoot() {
      encode(L, sp.s0, enc, 0);
      checkRange(L, enc, 0);
      pack(P, enc, 0, succ, 0);
      addPacked(succ, -1, 0);
    },
  };
}

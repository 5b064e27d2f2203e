// Successor generation: every legal event on one stored state, each successor (up to symmetry) added
// to the store. Through the transition cache (memo.ts) when it is on, else through the engine's step.
import { stepInPlace, type Machine } from '../machine';
import { cloneState, type MachineState } from '../state';
import type { ScenarioEvent, Violation } from '../types';
import { checkRange, compareWords, decode, encode, permuteEncoded, type Layout } from './codec';
import type { Findings } from './findings';
import type { Memo } from './memo';
import { addState, type Store } from './store';
import type { Perm } from './symmetry';
import { zobrist, type Zobrist } from './zobrist';

/** What successor generation works on: fixed for one search. */
export interface StateSpace {
  m: Machine;
  L: Layout;
  /** Words per stored state. */
  W: number;
  Z: Zobrist;
  alphabet: readonly ScenarioEvent[];
  /** The renamings states are identified under: the identity first (alone when there is no symmetry). */
  group: readonly Perm[];
  st: Store;
  memo: Memo | null;
  s0: MachineState;
}

export interface Expander {
  /** Tries every event on state id; returns the number of legal events (transitions). */
  expand(id: number): number;
  /** Adds the initial state (id 0). */
  addRoot(): void;
}

/**
 * Successors of state id, added with their parent and event. `added` is told of every new state (the
 * search stops at its limit there).
 */
export function createExpander(sp: StateSpace, findings: Findings, added: () => void): Expander {
  const { m, L, W, Z, alphabet, group, st, memo } = sp;
  const scratch = cloneState(sp.s0);
  // The successor, its canonical form and a candidate, as words with byte views.
  const next = new Int32Array(W);
  const nextB = new Uint8Array(next.buffer);
  let key = new Int32Array(W);
  let alt = new Int32Array(W);
  let altB = new Uint8Array(alt.buffer);
  let keyHash = 0;
  const out: Violation[] = [];
  /** Per cached outcome, the report keys of its violations (ablations report on many steps). */
  const outcomeKeys: number[][] = [];

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

  /** Adds the successor in `next` (hash h) of state id by event e, up to symmetry. */
  const addNext = (id: number, e: number, h: number): void => {
    const sym = canonical(h);
    if (addState(st, key, 0, keyHash, id, e, sym) >= 0) added();
  };

  /** Without the cache: decode, step through the engine, encode. */
  const expandPlain = (id: number): number => {
    const at = id * W * 4;
    let legal = 0;
    decode(L, st.bytes, at, scratch);
    for (let e = 0; e < alphabet.length; e++) {
      out.length = 0;
      if (stepInPlace(m, scratch, alphabet[e], 0, out) !== null) continue; // illegal: unchanged
      legal++;
      if (out.length) findings.note(out, id, e);
      encode(L, scratch, nextB, 0);
      const h = zobrist(Z, nextB, 0, L.size);
      decode(L, st.bytes, at, scratch);
      addNext(id, e, h);
    }
    return legal;
  };

  /**
   * Through the cache. Without symmetry the successor is made in place, over the state's own stored
   * bytes, and undone after the store's lookup; with it, in `next`, to be renamed.
   */
  const expandCached = (memo: Memo, id: number): number => {
    const base = id * W;
    const hash = st.hashes[id];
    const outcomes = memo.outcomes;
    const set = memo.legal(st.bytes, base * 4);
    const from = memo.legalFrom(set);
    const to = memo.legalFrom(set + 1);
    for (let k = from; k < to; k++) {
      const e = memo.legalEvent(k);
      const o = memo.lookup(e, st.bytes, base * 4); // st.bytes: addState may have grown it
      const vs = outcomes.violations(o);
      if (vs.length !== 0) findings.note(vs, id, e, (outcomeKeys[o] ??= findings.keysOf(vs)));
      if (group.length > 1) {
        next.set(st.words.subarray(base, base + W));
        addNext(id, e, outcomes.apply(o, nextB, 0, hash));
        continue;
      }
      const h = outcomes.apply(o, st.bytes, base * 4, hash);
      // A successor equal to its parent is already known; any other is never the parent.
      const same = h === hash && outcomes.unchanged(st.bytes);
      if (!same && addState(st, st.words, base, h, id, e, 0, id) >= 0) added();
      outcomes.undo(st.bytes); // the store may have grown, copying the patched bytes
    }
    return to - from;
  };

  return {
    expand: (id) => (memo === null ? expandPlain(id) : expandCached(memo, id)),
    addRoot() {
      encode(L, sp.s0, nextB, 0);
      checkRange(L, nextB, 0);
      const sym = canonical(zobrist(Z, nextB, 0, L.size));
      addState(st, key, 0, keyHash, -1, 0, sym);
    },
  };
}

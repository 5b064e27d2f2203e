// Sleep sets (partial-order reduction that keeps every state): an event that commutes with the event
// that led to a state, and was already tried from its parent (or was asleep there), is not tried again
// from the state: both orders reach the same state, and one of them was explored.
//
// Independence is decided per state from what the two steps read and write (footprint.ts): t and u
// are independent at s when neither changes a byte the other's path or legality read (their paths,
// hence their patches, violations and legality, are the same in either order) and they write no byte
// in common. Breadth-first, a state's sleep set is the intersection over every arrival at its own
// (shortest) depth, which all happen before it is expanded; later, longer arrivals are ignored. Every
// state is still visited at its shortest depth, and a violation a slept event would report at a state
// is reported by the same event one step earlier (see docs/explorer.md): states, violations and
// shortest lengths are those of the plain search; only transitions are saved.
import type { MachineConfig } from '../config';
import type { ScenarioEvent } from '../types';
import { eventIndex } from './alphabet';
import type { Findings } from './findings';
import type { Memo } from './memo';
import { unpack } from './pack';
import type { AddResult, StateSpace } from './successors';
import { mapEvent, type Perm } from './symmetry';
import { atLeast } from './arrays';

export interface SleepSets {
  /** Words per set (one bit per alphabet event). */
  readonly words: number;
  /** Copies the sleep set of state id (in the level being expanded) into out. */
  load(id: number, out: Int32Array): void;
  /** The sleep set of a new state of the next level. */
  set(id: number, z: Int32Array): void;
  /** Another arrival at a state of the next level: keeps only what both arrivals put to sleep. */
  meet(id: number, z: Int32Array): void;
  /** First id of the next level (the states the expansion of this level finds). */
  readonly nextStart: number;
  /** The next level becomes the one expanded; its states end at `end` (exclusive). */
  nextLevel(end: number): void;
  /** Bytes held. */
  bytes(): number;
}

/** Sleep sets of two breadth-first levels: the one being expanded and the next. */
export function createSleepSets(alphabetSize: number): SleepSets {
  const words = Math.max(1, Math.ceil(alphabetSize / 32));
  let cur = new Int32Array(words); // level 0: the root, nothing asleep
  let curStart = 0;
  let next = new Int32Array(1024 * words);
  let nextStart = 1;
  return {
    words,
    get nextStart() {
      return nextStart;
    },
    load(id, out) {
      const at = (id - curStart) * words;
      for (let i = 0; i < words; i++) out[i] = cur[at + i];
    },
    set(id, z) {
      const at = (id - nextStart) * words;
      next = atLeast(next, at + words);
      for (let i = 0; i < words; i++) next[at + i] = z[i];
    },
    meet(id, z) {
      const at = (id - nextStart) * words;
      for (let i = 0; i < words; i++) next[at + i] &= z[i];
    },
    nextLevel(end) {
      [cur, next] = [next, cur];
      curStart = nextStart;
      nextStart = end;
      next.fill(0);
    },
    bytes: () => (cur.length + next.length) * 4,
  };
}

/** Per renaming of the group, the index each alphabet event is renamed to. */
export function renamedEvents(
  cfg: MachineConfig,
  alphabet: readonly ScenarioEvent[],
  group: readonly Perm[],
): Int32Array[] {
  return group.map((g) =>
    Int32Array.from(alphabet, (ev) => {
      const i = eventIndex(alphabet, mapEvent(cfg, g, ev));
      if (i < 0) throw new Error(`explorer: renamed event ${ev.op} is outside the alphabet`);
      return i;
    }),
  );
}

/** z renamed event by event through `to` (a renamedEvents entry) into out. */
export function renameSet(z: Int32Array, to: Int32Array, out: Int32Array): void {
  out.fill(0);
  for (let w = 0; w < z.length; w++)
    for (let bits = z[w]; bits !== 0; bits &= bits - 1) {
      const e = w * 32 + (31 - Math.clz32(bits & -bits));
      const r = to[e];
      out[r >>> 5] |= 1 << (r & 31);
    }
}

/**
 * Successor generation with sleep sets (sleep.ts): every legal event's outcome is looked up and applied,
 * to know what it changes, but those asleep in the state are not added. A successor's sleep set is what
 * was asleep or already tried here and is independent of the event taken, renamed like the successor.
 */
export function sleepyExpander(
  sp: StateSpace,
  memo: Memo,
  sleep: SleepSets,
  findings: Findings,
  addPacked: (words: Int32Array, id: number, e: number) => AddResult,
): (id: number) => number {
  const { L, P, st, alphabet, group } = sp;
  const W = P.W;
  const Z = sleep.words;
  const fp = memo.footprints;
  const rename = group.length > 1 ? renamedEvents(sp.m.cfg, alphabet, group) : [];
  const parentW = new Int32Array(W);
  const cur = new Uint8Array(L.size);
  const asleep = new Int32Array(Z);
  const tried = new Int32Array(Z);
  const z = new Int32Array(Z);
  const zRenamed = new Int32Array(Z);
  const succ = new Int32Array(W);
  // Per legal event of the state: its successor, what it changed, what it may write, what it read.
  let cap = 0;
  let succs = new Int32Array(0);
  let changed = new Int32Array(0);
  let writes = new Int32Array(0);
  let reads = new Int32Array(0);
  const events: number[] = [];
  const outcomesOf: number[] = [];
  const outcomeKeys: number[][] = [];

  const independent = (i: number, j: number): boolean => {
    const a = i * W;
    const b = j * W;
    for (let w = 0; w < W; w++)
      if (
        ((changed[a + w] & reads[b + w]) |
          (changed[b + w] & reads[a + w]) |
          (writes[a + w] & writes[b + w])) !==
        0
      )
        return false;
    return true;
  };
  const has = (set: Int32Array, e: number): boolean => (set[e >>> 5] & (1 << (e & 31))) !== 0;

  return (id) => {
    st.load(id, parentW, 0);
    unpack(P, parentW, 0, cur, 0);
    sleep.load(id, asleep);
    tried.fill(0);
    const set = memo.legal(cur, 0);
    const from = memo.legalFrom(set);
    const n = memo.legalFrom(set + 1) - from;
    if (n > cap) {
      cap = Math.max(n, cap * 2);
      succs = new Int32Array(cap * W);
      changed = new Int32Array(cap * W);
      writes = new Int32Array(cap * W);
      reads = new Int32Array(cap * W);
    }
    for (let i = 0; i < n; i++) {
      const e = memo.legalEvent(from + i);
      const o = memo.lookup(e, cur, 0);
      // Read after the lookup: learning an outcome may have grown (replaced) these arrays.
      const fpReads = fp.reads();
      const fpPatch = fp.patch();
      const fpLegality = fp.legality();
      events[i] = e;
      outcomesOf[i] = o;
      for (let w = 0; w < W; w++) succ[w] = parentW[w];
      memo.outcomes.apply(o, cur, succ);
      const a = i * W;
      for (let w = 0; w < W; w++) {
        succs[a + w] = succ[w];
        changed[a + w] = succ[w] ^ parentW[w];
        writes[a + w] = fpPatch[o * W + w] | changed[a + w];
        reads[a + w] = fpReads[o * W + w] | fpLegality[(from + i) * W + w];
      }
    }
    let taken = 0;
    for (let i = 0; i < n; i++) {
      const e = events[i];
      if (has(asleep, e)) continue;
      taken++;
      const vs = memo.outcomes.violations(outcomesOf[i]);
      const o = outcomesOf[i];
      if (vs.length !== 0)
        findings.note(vs, id, e, memo.kept(o) ? (outcomeKeys[o] ??= findings.keysOf(vs)) : undefined);
      z.fill(0);
      for (let j = 0; j < n; j++) {
        const u = events[j];
        if (j !== i && (has(asleep, u) || has(tried, u)) && independent(i, j)) z[u >>> 5] |= 1 << (u & 31);
      }
      tried[e >>> 5] |= 1 << (e & 31);
      for (let w = 0; w < W; w++) succ[w] = succs[i * W + w];
      const r = addPacked(succ, id, e);
      const zz = r.sym === 0 ? z : (renameSet(z, rename[r.sym], zRenamed), zRenamed);
      if (r.id >= 0) sleep.set(r.id, zz);
      else if (r.id === -1 && st.found >= sleep.nextStart) sleep.meet(st.found, zz);
    }
    return taken;
  };
}
